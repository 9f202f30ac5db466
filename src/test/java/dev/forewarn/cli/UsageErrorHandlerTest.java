package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class UsageErrorHandlerTest {

    @Test
    void unknownCommandIsOneErrorLineWithASuggestionAndExitTwo() {
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(out));
        int code = cl.execute("shwo");
        assertEquals(ExitCodes.USAGE, code);
        assertEquals("", out.toString(), "nothing on stdout");
        String first = err.toString().lines().findFirst().orElse("");
        assertTrue(first.startsWith("error: "), first);
        assertTrue(err.toString().contains("show"), "suggests the nearest command: " + err);
        assertTrue(err.toString().lines().count() <= 3, "no usage dump: " + err);
    }
}
