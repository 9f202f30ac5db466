package dev.forewarn.forecast;

import dev.forewarn.series.Selector;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.series.SeriesSource;
import dev.forewarn.series.Units;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A threshold as a user writes it, and its value for one series at one time: the one threshold
 * grammar of forewarn, read the same in a rule file ({@code rules.Threshold} parses through it)
 * and on the command line ({@code forecast --threshold}, {@code backtest --threshold}).
 * Forms:
 * <ul>
 *   <li>an absolute number in the series' unit, with an optional unit suffix ({@code 0},
 *       {@code 1.5e9}, {@code -5}, {@code 10G} or {@code 10GB} — decimal: k, M, G, T, P, E = 10^3.. —
 *       or {@code 10GiB}, binary: Ki, Mi, Gi, Ti, Pi, Ei);</li>
 *   <li>a percentage of a named whole, {@code 5% of fs.size_bytes}: the series of that name with
 *       the same labels;</li>
 *   <li>a bare percentage {@code 90%}: of the series' whole. For a {@code _ratio} series the
 *       whole is 1 (90 % = 0.9); for a series with a known size series it is that series
 *       ({@code fs.size_bytes} for {@code fs.avail_bytes}/{@code fs.used_bytes},
 *       {@code fs.inodes_total} for {@code fs.inodes_free}, {@code mem.total_bytes},
 *       {@code swap.total_bytes}, {@code os.max_fds}); any other series has no whole, and a bare
 *       percentage of it is an error that asks for {@code of SERIES} or an absolute value;</li>
 *   <li>or "to zero".</li>
 * </ul>
 * A percentage lies between 0 and 1000 (a load may be 200 % of the cores); every value is finite.
 *
 * @param kind      which form
 * @param value     the number (absolute value, or percent for {@link Kind#PERCENT})
 * @param text      as written, for messages
 * @param companion for {@code P% of SERIES}, the metric name of the whole; null otherwise
 */
public record ThresholdSpec(Kind kind, double value, String text, String companion) {

    /** The forms a threshold takes. */
    public enum Kind { ABSOLUTE, PERCENT, ZERO }

    /** A threshold without a named whole. */
    public ThresholdSpec(Kind kind, double value, String text) {
        this(kind, value, text, null);
    }

    /**
     * A threshold resolved for one series.
     *
     * @param value     the level in the series' unit
     * @param direction which way the series must move to reach it (from the present value, unless given)
     * @param origin    where the level comes from, in words, as written first ("5% of fs.size_bytes{mount="/"} (12 GB)")
     */
    public record Resolved(double value, Direction direction, String origin) {
    }

    private static final String NUMBER = "([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)";
    private static final Pattern ABSOLUTE = Pattern.compile(NUMBER + "\\s*(?:([kKmMgGtTpPeE])(i)?[bB]?|([bB]))?");
    private static final Pattern PERCENT = Pattern.compile(NUMBER + "\\s*%(?:\\s+(?i:of)\\s+([A-Za-z_:][A-Za-z0-9_:.]*))?");
    /** The largest percentage accepted: a load may be 200 % of the cores, nothing sensible is 1000 times its whole. */
    static final double MAX_PERCENT = 1000;
    private static final Map<String, String> COMPANIONS = Map.of(
            "fs.avail_bytes", "fs.size_bytes",
            "fs.used_bytes", "fs.size_bytes",
            "fs.inodes_free", "fs.inodes_total",
            "mem.available_bytes", "mem.total_bytes",
            "swap.used_bytes", "swap.total_bytes",
            "os.open_fds", "os.max_fds");

    /** Zero: the resource is gone. */
    public static ThresholdSpec toZero() {
        return new ThresholdSpec(Kind.ZERO, 0, "0");
    }

    /**
     * Parses {@code 5%}, {@code 5% of fs.size_bytes}, {@code 10G}, {@code 10GiB}, {@code 1.5e9}, {@code 0}.
     *
     * @throws IllegalArgumentException naming the accepted forms, or saying why the value is refused
     */
    public static ThresholdSpec parse(String text) {
        String s = text.strip();
        Matcher p = PERCENT.matcher(s);
        if (p.matches()) {
            double v = Double.parseDouble(p.group(1));
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("threshold " + s + " is not a finite number");
            }
            if (v < 0) {
                throw new IllegalArgumentException("threshold " + s + " is a negative percentage: a share of a whole lies between 0 % and "
                        + (int) MAX_PERCENT + " %");
            }
            if (v > MAX_PERCENT) {
                throw new IllegalArgumentException("threshold " + s + " is more than " + (int) MAX_PERCENT + " % of its whole");
            }
            return new ThresholdSpec(Kind.PERCENT, v, s, p.group(2));
        }
        Matcher a = ABSOLUTE.matcher(s);
        if (a.matches()) {
            double v = Double.parseDouble(a.group(1));
            String unit = a.group(2);
            if (unit != null) {
                boolean binary = a.group(3) != null;
                int power = "KMGTPE".indexOf(Character.toUpperCase(unit.charAt(0))) + 1;
                v *= Math.pow(binary ? 1024 : 1000, power);
            }
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("threshold " + s + " is not a finite number");
            }
            return new ThresholdSpec(Kind.ABSOLUTE, v, s);
        }
        throw new IllegalArgumentException("cannot read threshold '" + text
                + "': use a number with an optional unit (0, 1.5e9, 10G, 10GiB), a percentage of a whole (5% of fs.size_bytes),"
                + " or a bare percentage of a ratio or of a filesystem's, memory's or swap's size (5%)");
    }

    /**
     * The whole a bare percentage is taken of for a metric: null for a {@code _ratio} (the whole
     * is 1), the companion's name where there is one.
     *
     * @throws IllegalArgumentException when the metric has no whole, saying what to write instead
     */
    public static String wholeOf(String metricName, String text) {
        if (metricName.endsWith("_ratio")) {
            return null;
        }
        String c = companionOf(metricName);
        if (c == null) {
            Units u = Units.of(metricName);
            String what = u == Units.PLAIN ? metricName + " has no whole to take it of"
                    : metricName + " is in " + u.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", not a share of anything";
            throw new IllegalArgumentException("the percentage " + text + " needs a whole: " + what
                    + "; write '" + text + " of SERIES' (e.g. 5% of fs.size_bytes) or an absolute threshold in its unit such as 10G");
        }
        return c;
    }

    /**
     * The threshold as the user wrote it, for a reader: a unit as written ({@code 100 GiB} stays
     * 100 GiB), with the level in the units the other figures are printed in beside it where that
     * reads differently ({@code 100 GiB (107 GB)}); a percentage with its whole and the level it
     * means ({@code 5% of fs.size_bytes (12 GB)}); a plain number in the series' unit.
     *
     * @param metricName the judged series' metric
     * @param level      the resolved level, in the series' unit
     * @param whole      the whole of a percentage (as a series key or metric name), or null for a ratio's 1
     */
    public String shown(String metricName, double level, String whole) {
        Units u = Units.of(metricName);
        return switch (kind) {
            case ZERO -> u.format(0);
            case ABSOLUTE -> {
                Matcher a = ABSOLUTE.matcher(text);
                if (!a.matches() || !hasUnit()) {
                    yield u.format(level);
                }
                // as written, and the level in the units every other figure is printed in when that reads
                // differently: "100 GiB (107 GB)", "100 G (100 GB)" (G is decimal), but "100 GB" once
                String written = a.group(1) + " " + text.substring(a.end(1)).strip();
                String printed = u.format(level);
                yield written.replace(" ", "").equalsIgnoreCase(printed.replace(" ", "")) ? written : written + " (" + printed + ")";
            }
            case PERCENT -> {
                String pct = text.substring(0, text.indexOf('%') + 1).replaceAll("\\s+", ""); // as written: "5%"
                String counted = whole == null ? null : COUNTED_WHOLES.get(whole.contains("{") ? whole.substring(0, whole.indexOf('{')) : whole);
                if (counted != null && value > 0) {
                    // "200% of cpu.cores (4)" reads as a host with 4 cores: the level first, then the cores counted
                    double count = level / (value / 100.0);
                    yield u.format(level) + " (" + pct + " of " + Units.plain(count) + " " + (count == 1 ? counted.substring(0, counted.length() - 1) : counted) + ")";
                }
                yield whole == null ? pct + (metricName.endsWith("_ratio") ? "" : " (" + u.format(level) + ")")
                        : pct + " of " + whole + " (" + u.format(level) + ")";
            }
        };
    }

    /**
     * Wholes that are a count of things, by metric name, with the plural noun a reader counts them
     * in: a percentage of one is shown as the level and the count ({@code 4 (200% of 2 cores)}).
     */
    private static final Map<String, String> COUNTED_WHOLES = Map.of("cpu.cores", "cores");

    /** True for an absolute level written with a unit suffix ({@code 10G}, {@code 100GiB}, {@code 512B}). */
    public boolean hasUnit() {
        if (kind != Kind.ABSOLUTE) {
            return false;
        }
        Matcher a = ABSOLUTE.matcher(text);
        return a.matches() && (a.group(2) != null || a.group(4) != null);
    }

    /** The companion size series' name for a metric, or null when it has none. */
    public static String companionOf(String metricName) {
        return COMPANIONS.get(metricName);
    }

    /** The direction in which a series at {@code present} reaches {@code threshold}: below it means down. */
    public static Direction infer(double present, double threshold) {
        return threshold < present ? Direction.DOWN : Direction.UP;
    }

    /**
     * The level for one series at one time: a percentage is taken of the companion's latest value
     * at or before {@code atMillis}. The direction is {@code given}, or inferred from the present value.
     *
     * @throws IllegalArgumentException when a percentage has no companion to take it of, or the series has no value
     */
    public Resolved resolve(SeriesSource source, SeriesKey key, Series series, long atMillis, Direction given) {
        double level;
        String origin;
        switch (kind) {
            case ZERO -> {
                level = 0;
                origin = "zero";
            }
            case ABSOLUTE -> {
                level = value;
                origin = shown(key.name(), level, null);
            }
            default -> {
                String companion = companion() != null ? companion() : wholeOf(key.name(), text);
                if (companion == null) {
                    level = value / 100;
                    origin = shown(key.name(), level, null);
                } else {
                    SeriesKey ck = key.withName(companion);
                    double size = latest(source.read(ck, atMillis - 30L * 86_400_000L, atMillis));
                    if (Double.isNaN(size) && !source.find(Selector.parse(ck.toString())).isEmpty()) {
                        size = latest(source.read(ck, Long.MIN_VALUE, atMillis));
                    }
                    if (Double.isNaN(size)) {
                        throw new IllegalArgumentException("no " + ck + " at or before the evaluation time to take " + text + " of");
                    }
                    level = size * value / 100;
                    origin = shown(key.name(), level, ck.toString());
                }
            }
        }
        Direction d = given;
        if (d == null) {
            double present = latest(series.upTo(atMillis));
            if (Double.isNaN(present)) {
                throw new IllegalArgumentException(key + " has no value at or before the evaluation time");
            }
            // Free space only ever runs out downward, even when it is already below the level.
            d = key.name().endsWith("avail_bytes") || key.name().endsWith("_free") || key.name().endsWith("available_bytes")
                    ? Direction.DOWN : infer(present, level);
        }
        return new Resolved(level, d, origin);
    }

    private static double latest(Series s) {
        for (int i = s.size() - 1; i >= 0; i--) {
            if (!Double.isNaN(s.value(i))) {
                return s.value(i);
            }
        }
        return Double.NaN;
    }
}
