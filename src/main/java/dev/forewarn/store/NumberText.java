package dev.forewarn.store;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Strict reading and exact writing of the numbers and timestamps of import and export files. */
final class NumberText {

    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private NumberText() {
    }

    /**
     * A value: a decimal number, or NaN (a missing reading). Infinite or out-of-range values are
     * refused: forewarn keeps finite numbers.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static double value(String text) {
        String s = text.strip();
        if (s.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        if (s.matches("[-+]?(?i:inf|infinity)")) {
            throw new IllegalArgumentException("value " + s + " is infinite; forewarn keeps finite numbers (or NaN for a missing reading)");
        }
        if (!DECIMAL.matcher(s).matches()) {
            throw new IllegalArgumentException("value '" + s + "' is not a number");
        }
        double d = Double.parseDouble(s);
        if (Double.isInfinite(d)) {
            throw new IllegalArgumentException("value " + s + " is too large for a double");
        }
        return d;
    }

    /** Shortest text that reads back as exactly the same double; integers without ".0". */
    static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15 && (v != 0 || Double.doubleToRawLongBits(v) == 0)) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /**
     * A timestamp in epoch seconds with an optional fraction ({@code 1773446400.123}), or
     * integer epoch milliseconds as the Prometheus text format writes them. An integer of 11 or
     * fewer digits (before the year 5138 in seconds) is seconds; a longer one is milliseconds.
     */
    static long epochMillis(String text) {
        String s = text.strip();
        if (!DECIMAL.matcher(s).matches()) {
            throw new IllegalArgumentException("timestamp '" + s + "' is not a number");
        }
        BigDecimal d = new BigDecimal(s);
        boolean integer = d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0;
        if (integer && d.abs().compareTo(BigDecimal.valueOf(100_000_000_000L)) >= 0) {
            return d.longValueExact();
        }
        BigDecimal ms = d.movePointRight(3);
        if (ms.abs().compareTo(BigDecimal.valueOf(1L << 50)) > 0) {
            throw new IllegalArgumentException("timestamp " + s + " is out of range");
        }
        return ms.setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
    }

    /** Epoch milliseconds as seconds with the exact millisecond fraction: {@code 1773446400.123}. */
    static String seconds(long millis) {
        long s = Math.floorDiv(millis, 1000L);
        long ms = Math.floorMod(millis, 1000L);
        return ms == 0 ? Long.toString(s) : s + "." + String.format("%03d", ms);
    }
}
