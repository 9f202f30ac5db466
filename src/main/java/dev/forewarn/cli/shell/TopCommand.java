package dev.forewarn.cli.shell;

import dev.forewarn.cli.StoreOption;
import dev.forewarn.cli.ExitCodes;
import dev.forewarn.cli.UserException;
import dev.forewarn.cli.Verbosity;
import dev.forewarn.forecast.ForecastEngine;
import dev.forewarn.forecast.Projection;
import dev.forewarn.report.DemoMarker;
import dev.forewarn.rules.Rule;
import dev.forewarn.rules.RuleSet;
import dev.forewarn.sampling.CollectorContext;
import dev.forewarn.sampling.CollectorRegistry;
import dev.forewarn.sampling.Sampler;
import dev.forewarn.sampling.SamplingOptions;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.series.Times;
import dev.forewarn.store.SampleStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.jline.terminal.Terminal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code forewarn top}: a live full-screen view of filesystems, memory, swap, CPU, disks and
 * network with sparklines of recent history and each resource's projected exhaustion, sampling
 * into the store while it runs. Without a terminal it prints one plain snapshot and exits.
 */
@Command(name = "top", mixinStandardHelpOptions = true,
        description = {
                "A live view of this host: filesystems, memory, swap, CPU/load, disks and network.",
                "",
                "Each row shows the present value, the share in use, a sparkline of the recent history and the date the "
                        + "resource is projected to run out (or 'no trend'). Samples into the store every --interval while "
                        + "it runs. Keys: q or Ctrl-C quit, Tab or 1-6 focus a panel, s sort (use, runs out, name), "
                        + "/ filter rows, Esc clear the filter. Without a terminal (a pipe, cron) it prints one snapshot and "
                        + "exits. NO_COLOR turns colours off."})
public final class TopCommand implements Callable<Integer>, InShell {

    private static final Logger LOG = LoggerFactory.getLogger(TopCommand.class);

    @Mixin
    Verbosity verbosity;

    @Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "2s",
            description = "Time between samples and screen refreshes (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--history", paramLabel = "DURATION", defaultValue = "30m",
            description = "How far back the sparklines reach (default: ${DEFAULT-VALUE}).")
    String history;

    @Option(names = "--no-sample", description = "Only show what the store holds; take no samples (e.g. when 'collect' already runs).")
    boolean noSample;

    @Option(names = "--frames", hidden = true, paramLabel = "N",
            description = "Benchmark: draw N frames off-screen at --size and print CPU milliseconds per frame.")
    int benchFrames;

    @Option(names = "--size", hidden = true, paramLabel = "COLSxROWS", defaultValue = "80x24",
            description = "Benchmark screen size.")
    String benchSize;

    /** The rules in force, read when top starts. */
    private List<Rule> rules = List.of();

    /** The running shell's terminal, which top draws on rather than opening a second one; null outside the shell. */
    private Terminal shellTerminal;

    @Override
    public void inShell(Terminal terminal) {
        shellTerminal = terminal;
    }

    @Override
    public Integer call() throws IOException {
        long intervalMillis = duration(interval, "--interval");
        long historyMillis = duration(history, "--history");
        if (intervalMillis < 200) {
            throw new UserException("--interval " + interval + " is too short: use 200ms or more", ExitCodes.USAGE, null);
        }
        Path path = store.path();
        ZoneId zone = ZoneId.systemDefault();
        boolean sampling = !noSample;
        if (!sampling && !Files.isRegularFile(path)) {
            throw new UserException("no store at " + path + ": run 'forewarn sample' first, or drop --no-sample");
        }
        SampleStore db = sampling ? SampleStore.open(path) : SampleStore.openReadOnly(path);
        // the demo's store is only looked at: this machine's samples would land in the invented host's series
        String demo = DemoMarker.hostOf(db);
        Sampler sampler = sampling && demo == null ? sampler() : null;
        // the rules in force decide what runs out and where, as for 'check' (a broken file's valid rules still count)
        rules = RuleSet.load(true, RuleSet.standardDirs(System.getenv()), null).rules();
        TopData data = new TopData(db, historyMillis, demo == null ? hostName() : demo + " (DEMO DATA)", zone, rules);
        if (benchFrames > 0) {
            try (db) {
                return TopBench.run(db, sampler, data, zone, benchFrames, benchSize, intervalMillis, spec.commandLine().getOut());
            }
        }
        if (shellTerminal == null && (System.console() == null || "dumb".equals(System.getenv("TERM")))) {
            try (db) {
                snapshot(db, sampler, data, zone, intervalMillis);
            }
            return 0;
        }
        return live(db, sampler, data, zone, intervalMillis, path, shellTerminal);
    }

    /** One plain snapshot on stdout: no colour, no escape codes, every row. */
    private void snapshot(SampleStore db, Sampler sampler, TopData data, ZoneId zone, long intervalMillis) {
        if (sampler != null) {
            db.append(System.currentTimeMillis(), sampler.sample());
        }
        long now = System.currentTimeMillis();
        Map<SeriesKey, Projection> projections = TopForecasts.projectAll(db, rules, new ForecastEngine(), now, zone);
        TopSnapshot snap = data.snapshot(now, projections);
        PrintWriter out = spec.commandLine().getOut();
        for (String line : TopView.plain(snap, TopState.initial(), intervalMillis, columns(), zone, unicodeStdout())) {
            out.println(line);
        }
        out.flush();
    }

    @SuppressWarnings("try") // the refresher runs on its own thread; the try only closes it
    private int live(SampleStore db, Sampler sampler, TopData data, ZoneId zone, long intervalMillis, Path path,
                     Terminal shellTerminal) throws IOException {
        Terminal terminal = shellTerminal != null ? shellTerminal
                : Terminals.system("forewarn top");
        boolean color = !noColor();
        boolean unicode = StandardCharsets.UTF_8.equals(terminal.encoding());
        TopView view = new TopView(color, unicode, zone);
        AtomicReference<TopSnapshot> latest = new AtomicReference<>(TopSnapshot.empty(data.host()));
        try (TopForecasts forecasts = TopForecasts.start(path, rules, new ForecastEngine(), 60_000, zone);
             TopRefresher refresher = TopRefresher.start(db, sampler, data, forecasts, intervalMillis, latest)) {
            TopScreen screen = new TopScreen(terminal, view, intervalMillis);
            screen.run(latest);
            LOG.info("top: {} ms CPU per frame on average", String.format("%.2f", screen.meanFrameCpuMillis()));
        } finally {
            if (shellTerminal == null) {
                terminal.close();
            }
        }
        return 0;
    }

    private static Sampler sampler() {
        CollectorRegistry registry = CollectorRegistry.builtIn();
        return registry.sampler(new ArrayList<>(registry.defaults()), CollectorContext.system(SamplingOptions.defaults()));
    }

    static boolean noColor() {
        String v = System.getenv("NO_COLOR");
        return v != null && !v.isEmpty();
    }

    private static boolean unicodeStdout() {
        return StandardCharsets.UTF_8.name().equalsIgnoreCase(System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding",
                java.nio.charset.Charset.defaultCharset().name())));
    }

    private static int columns() {
        try {
            int c = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100").strip());
            return Math.max(60, c);
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    private static long duration(String text, String option) {
        try {
            return Times.parseDurationMillis(text);
        } catch (IllegalArgumentException e) {
            throw new UserException(option + ": " + e.getMessage(), ExitCodes.USAGE, e); // a bad option value: usage, exit 2
        }
    }

    /** The kernel's host name, without a DNS lookup that could hang the start. */
    static String hostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            String h = System.getenv("HOSTNAME");
            return h != null ? h : "localhost";
        }
    }
}
