package dev.forewarn.cli.shell;

import org.jline.terminal.Terminal;

/**
 * A command that behaves differently inside the shell: the shell hands each command tree it
 * builds its terminal, so that no process-wide "a shell is running" state is needed.
 */
interface InShell {

    /** The command runs inside the shell, whose terminal is {@code terminal}. */
    void inShell(Terminal terminal);
}
