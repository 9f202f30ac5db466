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

    @Test
    void everyCommandTakesHelp() {
        List<String> missing = new ArrayList<>();
        collectMissingHelp(Main.commandLine(), missing);
        assertEquals(List.of(), missing, "commands without --help");
    }

    private static void collectMissingHelp(CommandLine cl, List<String> missing) {
        boolean isHelpCommand = cl.getCommand() instanceof CommandLine.HelpCommand;
        if (!isHelpCommand && !cl.getCommandSpec().optionsMap().containsKey("--help")) {
            missing.add(cl.getCommandSpec().qualifiedName());
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            collectMissingHelp(sub, missing);
        }
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
