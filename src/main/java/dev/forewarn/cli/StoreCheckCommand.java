package dev.forewarn.cli;

import dev.forewarn.store.CheckReport;
import dev.forewarn.store.SampleStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code forewarn store check}: SQLite's integrity check plus the store's own invariants. Silent
 * and exit 0 when sound (cron-friendly; {@code -v} prints a summary); exit 1 with the problems
 * on stderr when not.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks the store: SQLite's integrity check and forewarn's own invariants.",
                "Prints nothing and exits 0 when sound; exits 1 naming the problems when not."})
public final class StoreCheckCommand implements Callable<Integer> {

    @Mixin
    Verbosity verbosity;

    @Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CheckReport r;
        try (SampleStore s = SampleStore.openReadOnly(store.path())) {
            r = s.check();
        }
        if (r.ok()) {
            if (verbosity.level() > 0) {
                PrintWriter out = spec.commandLine().getOut();
                out.printf("%s: ok (%,d chunks decoded)%n", store.path(), r.chunks());
                out.flush();
            }
            return ExitCodes.SUCCESS;
        }
        PrintWriter err = spec.commandLine().getErr();
        for (String p : r.problems().subList(1, r.problems().size())) {
            err.println("  " + p);
        }
        err.flush();
        throw new UserException("the store " + store.path() + " is damaged: " + r.problems().size() + " problem"
                + (r.problems().size() == 1 ? "" : "s") + ", first: " + r.problems().get(0)
                + "; " + SampleStore.restoreAdvice(store.path()));
    }
}
