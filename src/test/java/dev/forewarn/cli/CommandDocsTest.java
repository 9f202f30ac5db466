package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The help texts that the man pages and completion scripts are built from: picocli formats
 * descriptions with String.format, so a bare '%' breaks --help and the man page build.
 */
class CommandDocsTest {

    private static void collect(CommandLine cl, List<CommandLine> out) {
        out.add(cl);
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!out.contains(sub)) {
                collect(sub, out);
            }
        }
    }

    @Test
    void everyCommandsHelpFormatsWithoutPicocliWarnings() {
        List<CommandLine> all = new ArrayList<>();
        collect(Main.commandLine(), all);
        assertTrue(all.size() > 3);
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (CommandLine cl : all) {
                StringWriter usage = new StringWriter();
                cl.usage(new PrintWriter(usage));
                assertFalse(usage.toString().isBlank(), cl.getCommandName());
            }
        } finally {
            System.setErr(err);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8), "write a literal percent sign as %% in picocli descriptions");
    }

    @Test
    void bashCompletionCoversEveryCommandAndZshLoadsIt() {
        String bash = CompletionScripts.bash();
        for (String c : Main.commandLine().getSubcommands().keySet()) {
            assertTrue(bash.contains(c), c + " in the completion script");
        }
        String zsh = CompletionScripts.zsh(bash);
        assertTrue(zsh.contains("bashcompinit") && zsh.endsWith(bash));
    }
}
