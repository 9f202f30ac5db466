package dev.forewarn.cli;

import dev.forewarn.series.Series;
import dev.forewarn.series.Times;
import dev.forewarn.store.ImportResult;
import dev.forewarn.store.SampleStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code forewarn demo --store PATH}: writes four months of a realistic host into a new store
 * (see {@link DemoHistory}) so a newcomer sees a real report in one command. It refuses to
 * write into an existing store, and needs an explicit path, so it never mixes invented
 * history into a real one.
 */
@Command(name = "demo", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Builds a demo store: four months of a host whose /var fills (with weekly log rotation), "
                + "whose billing-api leaks memory, and whose disk sda has growing reallocated sectors.",
                "Then: forewarn report --store PATH --format html -o report.html"})
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    Verbosity verbosity;

    @Mixin
    StoreOption store;

    @Option(names = "--end", paramLabel = "T", description = "The time of the last sample (default: now).")
    String end;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "20260301", description = "Seed of the noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (store.store == null) {
            throw new UserException("demo needs --store PATH (a new file): it never writes invented history into your real store",
                    ExitCodes.USAGE, null);
        }
        Path p = store.store;
        if (Files.exists(p)) {
            throw new UserException(p + " already exists: demo writes only a new store; remove it or choose another --store");
        }
        long now = System.currentTimeMillis();
        long endMillis;
        try {
            endMillis = end == null ? now : Times.parseTime(end, now, ZoneId.systemDefault());
        } catch (IllegalArgumentException e) {
            throw new UserException("--end: " + e.getMessage(), ExitCodes.USAGE, e);
        }
        List<Series> series = DemoHistory.build(endMillis, seed);
        ImportResult r;
        try (SampleStore s = SampleStore.open(p)) {
            r = s.appendAll(series);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "wrote %s: %d series, %,d points, %d days up to %s%n", p, r.series(), r.points(),
                DemoHistory.DAYS, Times.iso(series.get(0).lastMillis()));
        out.printf(Locale.ROOT, "next: forewarn report --store %s --format html -o report.html%n", p);
        out.flush();
        return ExitCodes.SUCCESS;
    }
}
