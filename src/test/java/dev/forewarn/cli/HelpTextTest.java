package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpTextTest {

    @Test
    void everyCommandsHelpRendersWithoutFormatWarnings() {
        List<String> problems = new ArrayList<>();
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            visit(Main.commandLine(), problems, err);
        } finally {
            System.setErr(saved);
        }
        assertEquals(List.of(), problems, "descriptions are format strings: a literal % must be written %%");
    }

    private static void visit(CommandLine cl, List<String> problems, ByteArrayOutputStream err) {
        err.reset();
        String usage = cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
        assertFalse(usage.isBlank());
        String warnings = err.toString(StandardCharsets.UTF_8);
        if (warnings.contains("WARN") || usage.contains("%n")) {
            problems.add(cl.getCommandSpec().qualifiedName() + ": " + warnings.strip());
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            visit(sub, problems, err);
        }
    }
}
