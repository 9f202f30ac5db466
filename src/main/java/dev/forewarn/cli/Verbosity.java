package dev.forewarn.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * The {@code -v}/{@code -vv} mixin: WARN by default, INFO with one, DEBUG with two. Logs go to
 * stderr (see logback.xml) so stdout keeps only results.
 */
public final class Verbosity {

    private static int level;

    @Option(names = {"-v", "--verbose"}, description = "More log output on stderr: -v info, -vv debug; -v also shows stack traces.")
    void setVerbose(boolean[] flags) {
        level = flags.length;
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(level >= 2 ? Level.DEBUG : level == 1 ? Level.INFO : Level.WARN);
    }

    /** 0 by default, 1 for {@code -v}, 2 for {@code -vv}. */
    public static int level() {
        return level;
    }
}
