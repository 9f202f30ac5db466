package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandTreeTest {

    private static final Set<String> ALL = Main.commandLine().getSubcommands().keySet();

    @Test
    void aCommandLineThatNamesASubcommandGetsATreeWithOnlyThatOne() {
        assertEquals(Set.of("sample"), Main.commandLine("sample", "--store", "x.db").getSubcommands().keySet());
        assertEquals(Set.of("store"), Main.commandLine("-v", "store", "info").getSubcommands().keySet());
    }

    @Test
    void helpVersionAndMisspeltCommandsGetTheWholeTree() {
        assertEquals(16, ALL.size(), ALL.toString());
        for (String[] args : new String[][] {{}, {"--help"}, {"--version"}, {"help", "sample"}, {"sampel"}}) {
            assertEquals(ALL, Main.commandLine(args).getSubcommands().keySet(), String.join(" ", args));
        }
    }

    @Test
    void everySubcommandIsNamedAfterItsClassSoTheOneCommandTreeFindsIt() {
        for (CommandLine sub : Main.commandLine().getSubcommands().values()) {
            Class<?> c = sub.getCommandSpec().userObject().getClass();
            assertEquals(sub.getCommandName(), ForewarnCommand.conventionalName(c), c.getName());
            assertEquals(0, sub.getCommandSpec().aliases().length, c.getName() + " has aliases, which the lookup does not know");
        }
    }

    @Test
    void theOneCommandTreeDescribesASubcommandExactlyAsTheWholeTreeDoes() {
        for (String name : ALL) {
            if (name.equals("help")) {
                continue;
            }
            CommandLine alone = Main.commandLine(name).getSubcommands().get(name);
            CommandLine inWhole = Main.commandLine().getSubcommands().get(name);
            assertEquals(inWhole.getUsageMessage(CommandLine.Help.Ansi.OFF), alone.getUsageMessage(CommandLine.Help.Ansi.OFF), name);
        }
    }

    @Test
    void usageErrorsInTheOneCommandTreeStillExitTwoWithOneErrorLine() {
        CliRun r = CliRun.of("sample", "--no-such-option");
        assertEquals(2, r.exitCode());
        assertEquals("error: Unknown option: '--no-such-option'", r.err().lines().findFirst().orElse(""), r.err());
    }
}
