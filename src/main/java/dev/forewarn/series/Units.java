package dev.forewarn.series;

import java.util.Locale;

/**
 * How a metric's values read to a person, decided by the unit suffix of its name: bytes in
 * decimal units ({@code 600 GB}, the unit disks and memory are bought in), ratios as percent,
 * counts as plain numbers. The one formatter of values for people: check, show, top and the
 * report all print through it, so a disk reads the same in the cron mail and in the report.
 * Pure formatting; no value is changed.
 */
public enum Units {
    /** {@code _bytes}: 1 GB = 10^9 bytes. */
    BYTES,
    /** {@code _ratio}: 0..1 shown as percent. */
    RATIO,
    /** {@code _celsius}. */
    CELSIUS,
    /** {@code _seconds}: under a minute as seconds, longer as days and hours. */
    SECONDS,
    /** {@code _bytes_per_second}: a byte counter's rate ({@code 1.2 MB/s}). */
    BYTES_PER_SECOND,
    /** {@code _per_second}: a rate derived from a counter. */
    PER_SECOND,
    /** Anything else: a count or a load. */
    PLAIN;

    private static final String[] BYTE_UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};

    /** The unit of a metric name such as {@code fs.avail_bytes}. */
    public static Units of(String metricName) {
        if (metricName.endsWith("_bytes") || metricName.endsWith("_bytes_total")) {
            return BYTES;
        }
        if (metricName.endsWith("_ratio")) {
            return RATIO;
        }
        if (metricName.endsWith("_celsius")) {
            return CELSIUS;
        }
        if (metricName.endsWith("_seconds") || metricName.endsWith("_seconds_total")) {
            return SECONDS;
        }
        if (metricName.endsWith("_bytes_per_second")) {
            return BYTES_PER_SECOND;
        }
        if (metricName.endsWith("_per_second")) {
            return PER_SECOND;
        }
        return PLAIN;
    }

    /**
     * The unit of what the forecast engine projects for a series: the series' own, except that a
     * counter ({@code _total}) is projected as its per-second rate ({@code net.rx_bytes_total}
     * in {@code MB/s}), as the engine reads it.
     */
    public static Units ofProjected(SeriesKey key) {
        String n = key.name();
        return key.isCounter() ? of(n.substring(0, n.length() - "_total".length()) + "_per_second") : of(n);
    }

    /** A value for people: {@code 12.9 GB}, {@code 87 %}, {@code 41 °C}, {@code 1,204}. */
    public String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "n/a";
        }
        return switch (this) {
            case BYTES -> bytes(v);
            case RATIO -> Math.abs(v) < 10 ? String.format(Locale.ROOT, "%.1f %%", v * 100) : Human.number(v * 100) + " %";
            case CELSIUS -> Math.abs(v) < 1000 ? String.format(Locale.ROOT, "%.1f °C", v) : Human.number(v) + " °C";
            case SECONDS -> Math.abs(v) < 60 ? plain(v) + " s" : Times.human(java.time.Duration.ofSeconds(Math.round(v)));
            case BYTES_PER_SECOND -> bytes(v) + "/s";
            case PER_SECOND -> plain(v) + "/s";
            case PLAIN -> plain(v);
        };
    }

    /** A rate per day: {@code +6.7 GB/day}, {@code −0.5 %/day}, a rate's change {@code +1.2 MB/s per day}; signed. */
    public String perDay(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        String per = this == BYTES_PER_SECOND || this == PER_SECOND ? " per day" : "/day";
        return (v < 0 ? Human.MINUS : "+") + format(Math.abs(v)) + per;
    }

    /** Bytes with three significant digits in the largest decimal unit below the value. */
    public static String bytes(double v) {
        double a = Math.abs(v);
        int u = 0;
        while (a >= 999.5 && u < BYTE_UNITS.length - 1) {
            a /= 1000.0;
            u++;
        }
        String sign = v < 0 ? Human.MINUS : "";
        if (u == 0 && a < 999.5) {
            return sign + Human.number(a) + " B";
        }
        String n = a >= 99.95 ? String.format(Locale.ROOT, "%.0f", a)
                : a >= 9.995 ? String.format(Locale.ROOT, "%.1f", a) : String.format(Locale.ROOT, "%.2f", a);
        // "35.0 GB" reads as more precise than it is: drop zero decimals
        n = n.contains(".") ? n.replaceAll("\\.?0+$", "") : n;
        return sign + n + " " + BYTE_UNITS[u];
    }

    /** A count or other unitless value, through the one {@link Human#number}: {@code 1,204}, {@code 0.75}, {@code 283 million}. */
    public static String plain(double v) {
        return Human.number(v);
    }

    /**
     * Rounds a needed amount up to two significant digits ({@code 583 GB} → {@code 590 GB}) so a
     * recommendation asks for a figure one can buy, never less than the forecast needs.
     */
    public static double roundUpTwoDigits(double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            return v;
        }
        double mag = Math.pow(10, Math.floor(Math.log10(v)) - 1);
        return Math.ceil(v / mag - 1e-9) * mag;
    }
}
