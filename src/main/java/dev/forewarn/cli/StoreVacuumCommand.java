package dev.forewarn.cli;

import dev.forewarn.series.Units;
import dev.forewarn.series.Times;
import dev.forewarn.store.SampleStore;
import dev.forewarn.store.StoreOptions;
import dev.forewarn.store.VacuumResult;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code forewarn store vacuum}: folds recent points into compact chunks, rolls raw points older
 * than {@code --raw-retention} up into hourly min/max/avg/last, drops roll-ups older than
 * {@code --rollup-retention}, and compacts the file. Ages count from the newest point (capped
 * at now) reached through continuous history, and no more than 8 h past it across a gap, so a
 * clock that runs ahead cannot expire the history (see {@code Retention}). Silent unless
 * {@code -v}, so it can run from cron.
 */
@Command(name = "vacuum", mixinStandardHelpOptions = true,
        description = {"Applies retention (raw points become hourly roll-ups), compacts recent points and the file.",
                "Silent unless -v, for cron."})
public final class StoreVacuumCommand implements Callable<Integer> {

    @Mixin
    Verbosity verbosity;

    @Mixin
    StoreOption store;

    @Option(names = "--raw-retention", paramLabel = "DURATION",
            description = {"Keep raw points this long, then hourly roll-ups (env FOREWARN_RAW_RETENTION).",
                    "Kept in the store: every later sample and vacuum applies it. Default: what the store keeps, else 14d."})
    String rawRetention;

    @Option(names = "--rollup-retention", paramLabel = "DURATION",
            description = {"Keep hourly roll-ups this long (env FOREWARN_ROLLUP_RETENTION).",
                    "Kept in the store like --raw-retention. Default: what the store keeps, else 730d."})
    String rollupRetention;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        VacuumResult r;
        StoreOptions kept;
        try (SampleStore s = SampleStore.open(store.path())) {
            if (rawRetention != null || rollupRetention != null) {
                StoreOptions now = s.retention();
                s.setRetention(rawRetention == null ? now.rawRetentionMillis() : duration("--raw-retention", rawRetention),
                        rollupRetention == null ? now.rollupRetentionMillis() : duration("--rollup-retention", rollupRetention));
            }
            kept = s.retention();
            try (Progress progress = Progress.start("vacuum", SampleStore.VACUUM_STEPS)) {
                r = s.vacuum(System.currentTimeMillis(), progress::step);
            }
        }
        if (verbosity.level() > 0) {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s: compacted %,d recent points, rolled %,d points up into %,d hours, dropped %,d old hours"
                            + " and %,d old points, removed %,d empty series; %s → %s; retention: raw %s, roll-ups %s%n",
                    store.path(), r.foldedPoints(), r.retiredPoints(), r.rollupHours(), r.droppedRollups(),
                    r.droppedPoints(), r.removedSeries(), Units.bytes(r.bytesBefore()), Units.bytes(r.bytesAfter()),
                    Times.human(java.time.Duration.ofMillis(kept.rawRetentionMillis())),
                    Times.human(java.time.Duration.ofMillis(kept.rollupRetentionMillis())));
            out.flush();
        }
        return ExitCodes.SUCCESS;
    }

    static long duration(String option, String text) {
        try {
            return Times.parseDurationMillis(text);
        } catch (IllegalArgumentException e) {
            throw new UserException(option + ": " + e.getMessage(), ExitCodes.USAGE, e);
        }
    }
}
