package dev.forewarn.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code -v}/{@code -vv} mixin: WARN by default, INFO with one, DEBUG with two. Logs go to
 * stderr so stdout keeps only results. The count belongs to one parsed command line, not to the
 * process: in the shell, {@code -v} on one line does not make the next one verbose. The log
 * level is set from it when a command line runs ({@link #applyToLogging}).
 */
public final class Verbosity {

    private int level;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = {"-v", "--verbose"}, description = "More log output on stderr: -v info, -vv debug; -v also shows stack traces.")
    void setVerbose(boolean[] flags) {
        level = flags.length;
    }

    /**
     * 0 by default, 1 for {@code -v}, 2 for {@code -vv}: given to this command or to one above it
     * ({@code forewarn -v sample}).
     */
    public int level() {
        int l = level;
        for (CommandSpec p = mixee == null ? null : mixee.parent(); p != null; p = p.parent()) {
            l = Math.max(l, own(p));
        }
        return l;
    }

    /** The verbosity of a command (and the commands above it), 0 when it has no {@code -v}. */
    public static int of(CommandLine cmd) {
        int l = 0;
        for (CommandLine c = cmd; c != null; c = c.getParent()) {
            l = Math.max(l, own(c.getCommandSpec()));
        }
        return l;
    }

    private static int own(CommandSpec spec) {
        for (CommandSpec m : spec.mixins().values()) {
            if (m.userObject() instanceof Verbosity v) {
                return v.level;
            }
        }
        return 0;
    }

    /** Sets the log level for the command line about to run: WARN unless it says {@code -v}. */
    static void applyToLogging(ParseResult parsed) {
        int l = 0;
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            l = Math.max(l, own(p.commandSpec()));
        }
        if (l == 0 && System.getProperty("logback.configurationFile") != null) {
            return; // the user's own logging configuration decides the level
        }
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(l >= 2 ? Level.DEBUG : l == 1 ? Level.INFO : Level.WARN);
    }
}
