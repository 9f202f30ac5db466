package dev.forewarn.cli.shell;

import dev.forewarn.cli.shell.TopSnapshot.Panel;
import dev.forewarn.cli.shell.TopSnapshot.Row;
import dev.forewarn.forecast.Direction;
import dev.forewarn.forecast.Projection;
import dev.forewarn.rules.Rule;
import dev.forewarn.rules.RuleSet;
import dev.forewarn.series.Units;
import dev.forewarn.series.Rates;
import dev.forewarn.series.Selector;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.series.SeriesSource;
import dev.forewarn.series.Times;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link TopSnapshot} from the store: the present value of each resource, its recent
 * history averaged into {@link #BUCKETS} time buckets over the history window (counters as
 * per-second rates), and the exhaustion dates the background forecaster has cached. Also says
 * which series are worth forecasting and toward which threshold ({@link #targets}): those the
 * rules in force project, with the rules' thresholds, so that top and {@code check} agree.
 */
final class TopData {

    /** Points of history per row; the view squeezes them into the sparkline's width. */
    static final int BUCKETS = 60;
    /** An exhaustion closer than this is shown urgent. */
    static final long URGENT_MILLIS = 7 * 86_400_000L;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    /**
     * A series to forecast and where it runs out.
     *
     * @param key       the series
     * @param threshold exhaustion level, in the series' unit
     * @param direction which way it must move to get there
     */
    record Target(SeriesKey key, double threshold, Direction direction, double confidence, String ruleId) {
    }

    /** The series top has a row with a "runs out" column for; which of them run out, and where, the rules say. */
    static final Set<String> FORECAST_ROWS = Set.of("fs.avail_bytes", "mem.available_bytes", "swap.used_bytes", "cpu.busy_ratio");

    private final SeriesSource source;
    private final long historyMillis;
    private final String host;
    private final ZoneId zone;
    private final List<Rule> rules;

    /** Over the built-in rules only (benchmarks and tests). */
    TopData(SeriesSource source, long historyMillis, String host, ZoneId zone) {
        this(source, historyMillis, host, zone, builtInRules());
    }

    /**
     * @param rules the rules in force: a row's exhaustion is the first trend rule's (threshold,
     *              direction, confidence) that judges its series, as {@code check} judges it
     */
    TopData(SeriesSource source, long historyMillis, String host, ZoneId zone, List<Rule> rules) {
        this.source = source;
        this.historyMillis = historyMillis;
        this.host = host;
        this.zone = zone;
        this.rules = rules.stream().filter(TopData::projectsTrend).toList();
    }

    /** The built-in rule set's rules. */
    static List<Rule> builtInRules() {
        return RuleSet.load(true, List.of(), null).rules();
    }

    /** A rule whose trend verdict top can show: a threshold on the raw series (not on a counter's rate). */
    private static boolean projectsTrend(Rule r) {
        return r.threshold() != null && r.rateWindowMillis() == 0;
    }

    /** The first trend rule that judges this series, or null when none does (the row then has no date). */
    private Rule ruleFor(SeriesKey k) {
        for (Rule r : rules) {
            if (r.matches(k)) {
                return r;
            }
        }
        return null;
    }

    /** The host name shown in the header. */
    String host() {
        return host;
    }

    /**
     * The series of top's rows that a rule in force projects toward a threshold, with that rule's
     * threshold (a share of a size series taken of its latest value), direction and confidence.
     * A share of a size series that is absent or zero (no swap) is no target.
     */
    List<Target> targets(long nowMillis) {
        List<Target> out = new ArrayList<>();
        for (String name : FORECAST_ROWS.stream().sorted().toList()) {
            for (SeriesKey k : source.find(Selector.of(name))) {
                Rule r = ruleFor(k);
                if (r == null) {
                    continue;
                }
                // the level check judges this rule against (a share of the size series as check resolves it)
                Double level = dev.forewarn.rules.RuleEvaluator.threshold(r, k, source, nowMillis);
                if (level == null) {
                    continue;
                }
                out.add(new Target(k, level, r.direction(), r.confidence(), r.id()));
            }
        }
        return out;
    }

    /** The snapshot at {@code nowMillis} with the projections known so far (a missing one shows as pending). */
    TopSnapshot snapshot(long nowMillis, Map<SeriesKey, Projection> projections) {
        // The history shown ends at the newest sample, not at the clock: a store sampled every five minutes, or
        // no longer (a demo store, a timer that stopped), shows its last stretch, not a blank end or six empty
        // panels; the header says how old the samples are.
        long last = newestBefore(nowMillis);
        long end = last > 0 && nowMillis - last > historyMillis / BUCKETS ? last : nowMillis;
        return snapshot(new Window(end - historyMillis, end), projections, nowMillis);
    }

    /**
     * The newest sample of the memory collector's (else the load's) series at or before
     * {@code nowMillis}, looked for over the history shown, then a day, a month and a year back
     * (a live store costs one short read); 0 for none.
     */
    private long newestBefore(long nowMillis) {
        for (long back : new long[] {historyMillis, DAY_MILLIS, 30 * DAY_MILLIS, 365 * DAY_MILLIS}) {
            for (String name : List.of("mem.available_bytes", "cpu.load15")) {
                for (SeriesKey k : source.find(Selector.of(name))) {
                    Series s = source.read(k, nowMillis - back, nowMillis);
                    if (!s.isEmpty()) {
                        return s.lastMillis();
                    }
                }
            }
        }
        return 0;
    }

    private static final long DAY_MILLIS = 86_400_000L;

    private TopSnapshot snapshot(Window w, Map<SeriesKey, Projection> projections, long nowMillis) {
        List<Panel> panels = List.of(
                new Panel(Panel.Kind.FILESYSTEMS, filesystems(w, projections)),
                new Panel(Panel.Kind.MEMORY, memory(w, projections)),
                new Panel(Panel.Kind.SWAP, swap(w, projections)),
                new Panel(Panel.Kind.CPU, cpu(w, projections)),
                new Panel(Panel.Kind.DISKS, disks(w)),
                new Panel(Panel.Kind.NETWORK, network(w)));
        return new TopSnapshot(w.newest, host, panels, nowMillis);
    }

    private List<Row> filesystems(Window w, Map<SeriesKey, Projection> projections) {
        List<Row> rows = new ArrayList<>();
        for (SeriesKey k : source.find(Selector.of("fs.avail_bytes"))) {
            Series avail = w.read(k);
            double size = last(k.withName("fs.size_bytes"), w.to);
            if (avail.isEmpty() || !(size > 0)) {
                continue;
            }
            double free = avail.lastValue();
            double[] used = inUse(w.buckets(avail), size);
            String label = k.label("mount") != null ? k.label("mount") : k.toString();
            rows.add(row(label, bytes(free) + " free of " + bytes(size), 1 - free / size, used, k, projections, w.to));
        }
        return rows;
    }

    /** What is in use, from what is available and the capacity: the sparkline rises as a resource fills. */
    private static double[] inUse(double[] available, double capacity) {
        for (int i = 0; i < available.length; i++) {
            available[i] = capacity - available[i];
        }
        return available;
    }

    private List<Row> memory(Window w, Map<SeriesKey, Projection> projections) {
        List<Row> rows = new ArrayList<>();
        SeriesKey availKey = SeriesKey.of("mem.available_bytes");
        Series avail = w.read(availKey);
        double total = last(SeriesKey.of("mem.total_bytes"), w.to);
        if (!avail.isEmpty() && total > 0) {
            double[] used = inUse(w.buckets(avail), total);
            // Named by the resource, as a filesystem row is by its mount: the value is what is still
            // available, the use column and the sparkline what is in use.
            rows.add(row("ram", bytes(avail.lastValue()) + " avail of " + bytes(total), 1 - avail.lastValue() / total,
                    used, availKey, projections, w.to));
        }
        return rows;
    }

    private List<Row> swap(Window w, Map<SeriesKey, Projection> projections) {
        List<Row> rows = new ArrayList<>();
        SeriesKey usedKey = SeriesKey.of("swap.used_bytes");
        Series used = w.read(usedKey);
        double total = last(SeriesKey.of("swap.total_bytes"), w.to);
        if (!used.isEmpty() && total > 0) {
            rows.add(row("used", bytes(used.lastValue()) + " of " + bytes(total), used.lastValue() / total,
                    w.buckets(used), usedKey, projections, w.to));
        } else if (!Double.isNaN(total)) {
            rows.add(new Row("none", "no swap configured", Double.NaN, new double[0], "", Long.MAX_VALUE, false));
        }
        return rows;
    }

    private List<Row> cpu(Window w, Map<SeriesKey, Projection> projections) {
        List<Row> rows = new ArrayList<>();
        SeriesKey busyKey = SeriesKey.of("cpu.busy_ratio");
        Series busy = w.read(busyKey);
        if (!busy.isEmpty()) {
            rows.add(row("busy", Units.RATIO.format(busy.lastValue()), busy.lastValue(), w.buckets(busy), busyKey, projections, w.to));
        }
        for (String load : new String[] {"cpu.load1", "cpu.load5", "cpu.load15"}) {
            Series s = w.read(SeriesKey.of(load));
            if (!s.isEmpty()) {
                rows.add(new Row(load.substring(4), String.format(Locale.ROOT, "%.2f", s.lastValue()), Double.NaN,
                        w.buckets(s), "", Long.MAX_VALUE, false));
            }
        }
        return rows;
    }

    private List<Row> disks(Window w) {
        List<Row> rows = new ArrayList<>();
        for (SeriesKey k : source.find(Selector.of("disk.read_bytes_total"))) {
            Series read = w.rate(k);
            Series write = w.rate(k.withName("disk.write_bytes_total"));
            Series io = w.rate(k.withName("disk.io_time_seconds_total"));
            double r = read.isEmpty() ? Double.NaN : read.lastValue();
            double wr = write.isEmpty() ? Double.NaN : write.lastValue();
            double util = io.isEmpty() ? Double.NaN : Math.min(1, io.lastValue());
            rows.add(new Row(label(k, "disk"), "r " + rate(r) + "  w " + rate(wr), util, sum(w.buckets(read), w.buckets(write)),
                    "", Long.MAX_VALUE, false));
        }
        return rows;
    }

    private List<Row> network(Window w) {
        List<Row> rows = new ArrayList<>();
        for (SeriesKey k : source.find(Selector.of("net.rx_bytes_total"))) {
            Series rx = w.rate(k);
            Series tx = w.rate(k.withName("net.tx_bytes_total"));
            double r = rx.isEmpty() ? Double.NaN : rx.lastValue();
            double t = tx.isEmpty() ? Double.NaN : tx.lastValue();
            rows.add(new Row(label(k, "iface"), "rx " + rate(r) + "  tx " + rate(t), Double.NaN, sum(w.buckets(rx), w.buckets(tx)),
                    "", Long.MAX_VALUE, false));
        }
        return rows;
    }

    private Row row(String label, String value, double usedRatio, double[] history, SeriesKey key,
                    Map<SeriesKey, Projection> projections, long nowMillis) {
        Projection p = projections.get(key);
        long etaMillis = p != null && p.hasEta() ? p.etaMillis() : Long.MAX_VALUE;
        boolean urgent = etaMillis != Long.MAX_VALUE && etaMillis - nowMillis < URGENT_MILLIS;
        // no rule projects this series: nothing is pending, there is no date to wait for
        String eta = p == null && ruleFor(key) == null ? "" : etaText(p, nowMillis, zone);
        return new Row(label, value, usedRatio, history, eta, etaMillis, urgent);
    }

    /**
     * The exhaustion column: a day ("Sat 14 Mar"), "in 5h 20m" within two days, "now" when
     * already there, "no trend" when the fit shows none toward the threshold, "learning" while
     * there is too little history for a verdict, "…" until the first forecast is done.
     */
    static String etaText(Projection p, long nowMillis, ZoneId zone) {
        if (p == null) {
            return "…";
        }
        if (!p.hasEta()) {
            return p.fit() == null ? "learning" : "no trend";
        }
        long left = p.etaMillis() - nowMillis;
        if (left <= 0) {
            return "now";
        }
        if (left < 2 * 86_400_000L) {
            return "in " + Times.human(Duration.ofMillis(left));
        }
        return DAY.withZone(zone).format(Instant.ofEpochMilli(p.etaMillis()));
    }

    private double last(SeriesKey key, long nowMillis) {
        Series s = source.read(key, nowMillis - historyMillis - 86_400_000L, nowMillis);
        return s.isEmpty() ? Double.NaN : s.lastValue();
    }

    private static String label(SeriesKey k, String name) {
        String v = k.label(name);
        return v != null ? v : k.toString();
    }

    private static String bytes(double v) {
        return Units.BYTES.format(v);
    }

    private static String rate(double bytesPerSecond) {
        return Double.isNaN(bytesPerSecond) ? "-" : Units.BYTES.format(bytesPerSecond) + "/s";
    }

    private static double[] sum(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = Double.isNaN(a[i]) ? b[i] : Double.isNaN(b[i]) ? a[i] : a[i] + b[i];
        }
        return out;
    }

    /** The history window: reads and buckets series over {@code [from, to]}. */
    private final class Window {
        final long from;
        final long to;
        long newest;

        Window(long from, long to) {
            this.from = from;
            this.to = to;
        }

        Series read(SeriesKey key) {
            Series s = source.read(key, from, to);
            if (!s.isEmpty()) {
                newest = Math.max(newest, s.lastMillis());
            }
            return s;
        }

        /** A counter as a per-second rate; one point before the window is read so the first bucket has a rate. */
        Series rate(SeriesKey key) {
            Series raw = source.read(key, from - historyMillis / BUCKETS, to);
            return Rates.perSecond(raw).between(from, to);
        }

        /** The mean of the points in each of {@link #BUCKETS} equal time buckets, NaN where none fell. */
        double[] buckets(Series s) {
            double[] sum = new double[BUCKETS];
            int[] n = new int[BUCKETS];
            double span = Math.max(1, to - from);
            for (int i = 0; i < s.size(); i++) {
                double v = s.value(i);
                if (Double.isNaN(v)) {
                    continue;
                }
                int b = (int) Math.min(BUCKETS - 1, Math.max(0, (s.timeMillis(i) - from) / span * BUCKETS));
                sum[b] += v;
                n[b]++;
            }
            double[] out = new double[BUCKETS];
            Arrays.fill(out, Double.NaN);
            for (int b = 0; b < BUCKETS; b++) {
                if (n[b] > 0) {
                    out[b] = sum[b] / n[b];
                }
            }
            return out;
        }
    }
}
