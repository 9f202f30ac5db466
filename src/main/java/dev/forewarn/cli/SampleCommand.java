package dev.forewarn.cli;

import dev.forewarn.sampling.Sampler;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.store.SampleStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code forewarn sample}: one sample of every enabled collector, stored in one transaction.
 * Silent unless {@code -v} (then the stored values are listed on stdout), so cron mails
 * nothing while all is well. A costly, slow-moving collector (SMART) is read only when the
 * store says its last read is old enough (10 minutes), so a sample every minute does not
 * start smartctl every minute.
 */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {"Takes one sample of every enabled collector and stores it; prints nothing unless -v.",
                "Schedule it from cron or a systemd timer (e.g. every minute), or use 'collect' for a loop in one process.",
                "SMART is read at most every 10 minutes (name it in --collectors or --enable to read it now)."})
public final class SampleCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(SampleCommand.class);

    @Mixin
    Verbosity verbosity;

    @Mixin
    StoreOption store;

    @Mixin
    CollectorOptions collectors;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<String> chosen = collectors.selected();
        // Opened before sampling, so a bad store path fails before any work; SQLite takes no
        // lock until the write itself, so other writers are not held up meanwhile.
        try (SampleStore s = SampleStore.open(store.path())) {
            DemoStoreGuard.refuseSampling(s, store.path());
            long timeMillis = System.currentTimeMillis();
            List<String> due = collectors.due(chosen, s.collectorReads(), timeMillis);
            if (due.size() < chosen.size() && LOG.isInfoEnabled()) {
                List<String> later = new ArrayList<>(chosen);
                later.removeAll(due);
                LOG.info("not due yet, read recently by an earlier sample: {}", later);
            }
            Sampler sampler = collectors.sampler(due);
            Map<SeriesKey, Double> values = sampler.sample();
            s.append(timeMillis, values, collectors.throttled(due));
            LOG.info("stored {} values from {} collectors in {}", values.size(), sampler.names().size(), store.path());
            if (verbosity.level() > 0) {
                print(spec.commandLine().getOut(), values);
            }
        }
        return ExitCodes.SUCCESS;
    }

    /** Lists a sample as {@code series value} lines. */
    static void print(PrintWriter out, Map<SeriesKey, Double> values) {
        for (Map.Entry<SeriesKey, Double> e : values.entrySet()) {
            out.println(e.getKey() + " " + format(e.getValue()));
        }
        out.flush();
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
