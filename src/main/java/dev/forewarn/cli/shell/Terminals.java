package dev.forewarn.cli.shell;

import java.io.IOException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Opens the process's terminal for the shell and {@code top}. */
final class Terminals {

    private Terminals() {
    }

    /**
     * The system terminal through JLine's JNI provider, which is the quickest to start (JNA
     * costs about a second more when cold); the exec provider (stty) is the fallback, and a
     * dumb terminal is accepted without a warning when there is no terminal at all.
     */
    static Terminal system(String name) throws IOException {
        return TerminalBuilder.builder().name(name).system(true).providers("jni,exec").dumb(true).build();
    }
}
