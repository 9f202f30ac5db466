package dev.forewarn.cli.shell;

import dev.forewarn.cli.StoreOption;
import dev.forewarn.cli.UserException;
import dev.forewarn.cli.Verbosity;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code forewarn shell}: an interactive prompt over the same commands, with completion of
 * commands, options and series selectors, and history in the XDG state directory.
 */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = {
                "An interactive shell over the forewarn commands.",
                "",
                "Tab completes commands, options and series selectors from the store. History is kept in "
                        + "$XDG_STATE_HOME/forewarn/history (~/.local/state when unset). 'help' lists the commands. "
                        + "Ctrl-C cancels the running command or the line being typed; 'exit' or Ctrl-D leaves.",
                "",
                "Type a selector bare or in single quotes: show fs.avail_bytes{mount=\"/\"}"})
public final class ShellCommand implements Callable<Integer>, InShell {

    /** True when this command was built by a running shell: a shell in the shell is refused. */
    private boolean nested;

    @Mixin
    Verbosity verbosity;

    @Mixin
    StoreOption store;

    @Override
    public void inShell(Terminal terminal) {
        nested = true;
    }

    @Override
    public Integer call() {
        if (nested) {
            throw new UserException("already in the forewarn shell; type the command without 'shell'");
        }
        try {
            return new ForewarnShell(store.path()).run();
        } catch (IOException e) {
            throw new UserException("cannot open the terminal for the shell: " + e.getMessage(), e);
        }
    }
}
