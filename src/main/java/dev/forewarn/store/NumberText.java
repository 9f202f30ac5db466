package dev.forewarn.store;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Strict reading and exact writing of the numbers and timestamps of import and export files. */
final class NumberText {

    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern INFINITE = Pattern.compile("[-+]?(?i:inf|infinity)");

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
        if (INFINITE.matcher(s).matches()) {
            throw new IllegalArgumentException("value " + s + " is infinite; forewarn keeps finite numbers (or NaN for a missing reading)");
        }
        if (!isDecimal(s)) {
            throw new IllegalArgumentException("value '" + s + "' is not a number");
        }
        double d = Double.parseDouble(s);
        if (Double.isInfinite(d)) {
            throw new IllegalArgumentException("value " + s + " is too large for a double");
        }
        return d;
    }

    /**
     * True for {@code [-+]?(digits[.digits?]|.digits)([eE][-+]?digits)?}: what {@code DECIMAL}
     * matches, scanned by hand because imports call it once a line.
     */
    static boolean isDecimal(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                i++;
            }
            int exp = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == n;
    }

    /** True when the text is 12 to 16 digits, optionally after a minus: epoch milliseconds. */
    static boolean isEpochMillis(String s) {
        int start = s.startsWith("-") ? 1 : 0;
        int len = s.length() - start;
        if (len < 12 || len > 16) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
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
