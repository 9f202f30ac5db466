package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CompletionScriptsTest {

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
