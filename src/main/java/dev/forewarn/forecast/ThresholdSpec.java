package dev.forewarn.forecast;

import dev.forewarn.series.Selector;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.series.SeriesSource;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A threshold as a user writes it, and its value for one series at one time.
 * Forms: an absolute number with an optional unit ({@code 0}, {@code 1.5e9}, {@code 10G},
 * {@code 10GB} — decimal: k, M, G, T, P = 10^3.. — or {@code 10GiB}, binary: Ki, Mi, Gi, Ti, Pi);
 * a percentage ({@code 5%}) of the series' companion size series with the same labels
 * ({@code fs.size_bytes} for {@code fs.avail_bytes}/{@code fs.used_bytes}, {@code fs.inodes_total}
 * for {@code fs.inodes_free}, {@code mem.total_bytes}, {@code swap.total_bytes}, {@code os.max_fds}),
 * or of 1 for a {@code _ratio} metric; or "to zero".
 *
 * @param kind  which form
 * @param value the number (absolute value, or percent for {@link Kind#PERCENT})
 * @param text  as written, for messages
 */
public record ThresholdSpec(Kind kind, double value, String text) {

    /** The forms a threshold takes. */
    public enum Kind { ABSOLUTE, PERCENT, ZERO }

    /**
     * A threshold resolved for one series.
     *
     * @param value     the level in the series' unit
     * @param direction which way the series must move to reach it (from the present value, unless given)
     * @param origin    where the level comes from, in words ("5 % of fs.size_bytes{mount="/"} = 1.2e10")
     */
    public record Resolved(double value, Direction direction, String origin) {
    }

    private static final Pattern ABSOLUTE = Pattern.compile("([-+]?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)\\s*([kKMGTP]i?)?[bB]?");
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");
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
     * Parses {@code 5%}, {@code 10G}, {@code 10GiB}, {@code 1.5e9}, {@code 0}.
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static ThresholdSpec parse(String text) {
        String s = text.strip();
        Matcher p = PERCENT.matcher(s);
        if (p.matches()) {
            double v = Double.parseDouble(p.group(1));
            if (v > 100) {
                throw new IllegalArgumentException("threshold " + text + " is more than 100 %");
            }
            return new ThresholdSpec(Kind.PERCENT, v, s);
        }
        Matcher a = ABSOLUTE.matcher(s);
        if (a.matches()) {
            double v = Double.parseDouble(a.group(1));
            String unit = a.group(2);
            if (unit != null) {
                boolean binary = unit.endsWith("i");
                int power = "KMGTP".indexOf(Character.toUpperCase(unit.charAt(0))) + 1;
                v *= Math.pow(binary ? 1024 : 1000, power);
            }
            return new ThresholdSpec(Kind.ABSOLUTE, v, s);
        }
        throw new IllegalArgumentException("cannot read threshold '" + text
                + "': use a number with an optional unit (0, 1.5e9, 10G, 10GiB) or a percentage of the size (5%)");
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
                origin = text;
            }
            default -> {
                if (key.name().endsWith("_ratio")) {
                    level = value / 100;
                    origin = text + " (of 1)";
                } else {
                    String companion = companionOf(key.name());
                    if (companion == null) {
                        throw new IllegalArgumentException("a percentage threshold needs a size series, and " + key.name()
                                + " has none: give an absolute threshold such as 10G");
                    }
                    SeriesKey ck = key.withName(companion);
                    double size = latest(source.read(ck, atMillis - 30L * 86_400_000L, atMillis));
                    if (Double.isNaN(size) && !source.find(Selector.parse(ck.toString())).isEmpty()) {
                        size = latest(source.read(ck, Long.MIN_VALUE, atMillis));
                    }
                    if (Double.isNaN(size)) {
                        throw new IllegalArgumentException("no " + ck + " at or before the evaluation time to take " + text + " of");
                    }
                    level = size * value / 100;
                    origin = String.format(Locale.ROOT, "%s of %s = %.6g", text, ck, level);
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
