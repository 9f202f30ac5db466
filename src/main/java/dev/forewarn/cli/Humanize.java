package dev.forewarn.cli;

import java.time.Duration;
import java.util.Locale;

/**
 * Values for people, by the unit the metric name ends in: {@code _bytes} in binary units
 * (12.4 GiB), {@code _ratio} as a percentage, {@code _seconds} as a duration, {@code _celsius}
 * in °C; anything else as a number with at most four significant digits.
 */
final class Humanize {

    private static final String[] IEC = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Humanize() {
    }

    static String value(String metric, double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (metric.endsWith("_bytes") || metric.endsWith("_bytes_total")) {
            return bytes(v);
        }
        if (metric.endsWith("_ratio")) {
            return number(v * 100) + " %";
        }
        if (metric.endsWith("_seconds") || metric.endsWith("_seconds_total")) {
            return Math.abs(v) < 60 ? number(v) + " s" : dev.forewarn.series.Times.human(Duration.ofSeconds((long) v));
        }
        if (metric.endsWith("_celsius")) {
            return number(v) + " °C";
        }
        return number(v);
    }

    static String bytes(double v) {
        double a = Math.abs(v);
        int u = 0;
        while (a >= 1024 && u < IEC.length - 1) {
            a /= 1024;
            u++;
        }
        return (v < 0 ? "-" : "") + (u == 0 ? String.format(Locale.ROOT, "%.0f", a) : number(a)) + " " + IEC[u];
    }

    /** Four significant digits, no exponent for everyday magnitudes, no trailing zeros. */
    static String number(double v) {
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e15 || a < 1e-4)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        String s = new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}
