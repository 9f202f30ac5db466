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

    /**
     * True when the text is 12 to 19 digits, optionally after a minus: epoch milliseconds (or a
     * micro- or nanosecond time that {@link #checkedMillis} then names).
     */
    static boolean isEpochMillis(String s) {
        int start = s.startsWith("-") ? 1 : 0;
        int len = s.length() - start;
        if (len < 12 || len > 19) {
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
     * The result is within the range the store reads back ({@link #checkedMillis}).
     *
     * @throws IllegalArgumentException for text that is not a number, or a time outside the range
     */
    static long epochMillis(String text) {
        String s = text.strip();
        if (!DECIMAL.matcher(s).matches()) {
            throw new IllegalArgumentException("timestamp '" + s + "' is not a number");
        }
        BigDecimal d = new BigDecimal(s);
        boolean integer = d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0;
        BigDecimal ms = integer && d.abs().compareTo(BigDecimal.valueOf(100_000_000_000L)) >= 0 ? d : d.movePointRight(3);
        if (ms.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            // a number too large for any time unit (it would overflow a long): say so rather than "Overflow"
            throw new IllegalArgumentException("timestamp " + abbreviate(s) + " is out of range: " + RANGE_WORDS);
        }
        return checkedMillis(ms.setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact(), s);
    }

    /** The largest time, in epoch milliseconds either side of 1970, that the store keeps and reads back. */
    static final long TIME_LIMIT_MILLIS = 1L << 50;
    private static final String RANGE_WORDS = "forewarn keeps times within ±2^50 ms of 1970 (about 35,700 years)";
    /** Epoch milliseconds of 2000-01-01 and 2100-01-01: a time that lands here after dividing by 1000 was micro- or nanoseconds. */
    private static final long PLAUSIBLE_FROM = 946_684_800_000L;
    private static final long PLAUSIBLE_TO = 4_102_444_800_000L;

    /**
     * A time in epoch milliseconds if the store can read it back, else an error; a value that
     * would be a time between 2000 and 2100 when read as epoch microseconds or nanoseconds is
     * named as that unit mix-up rather than taken for a date tens of thousands of years away.
     *
     * @param text the time as written, for the message
     * @throws IllegalArgumentException naming the problem
     */
    static long checkedMillis(long millis, String text) {
        if (Math.abs(millis) <= TIME_LIMIT_MILLIS && millis != Long.MIN_VALUE) {
            return millis;
        }
        for (String[] unit : new String[][] {{"micro", "1000"}, {"nano", "1000000"}}) {
            long ms = millis / Long.parseLong(unit[1]);
            if (ms >= PLAUSIBLE_FROM && ms < PLAUSIBLE_TO) {
                throw new IllegalArgumentException("time " + abbreviate(text) + " looks like epoch " + unit[0] + "seconds ("
                        + java.time.Instant.ofEpochMilli(ms) + "): write epoch seconds or milliseconds (divide by "
                        + (unit[0].equals("micro") ? "1,000" : "1,000,000") + " for milliseconds)");
            }
        }
        throw new IllegalArgumentException("time " + abbreviate(text) + " is out of range: " + RANGE_WORDS);
    }

    /** A value for an error message: at most 40 characters. */
    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 39) + "…";
    }

    /** Epoch milliseconds as seconds with the exact millisecond fraction: {@code 1773446400.123}. */
    static String seconds(long millis) {
        long s = Math.floorDiv(millis, 1000L);
        long ms = Math.floorMod(millis, 1000L);
        return ms == 0 ? Long.toString(s) : s + "." + String.format("%03d", ms);
    }
}
