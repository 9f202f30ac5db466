package dev.forewarn.series;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the time forms every command accepts, and durations.
 * Times: ISO-8601 ({@code 2026-03-14T09:00:00Z}), a date and time without zone in the local
 * zone ({@code 2026-03-14 09:00}), a date ({@code 2026-03-14}), epoch seconds
 * ({@code 1773478800}), {@code now}, or relative to now ({@code -7d}, {@code -36h}, {@code +2w}).
 * Durations: {@code 60s}, {@code 5m}, {@code 2h}, {@code 14d}, {@code 2w}, {@code 1y}, or plain seconds.
 */
public final class Times {

    private static final Pattern RELATIVE = Pattern.compile("([+-])\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d|w|y)");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d|w|y)?");
    private static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]", Locale.ROOT);
    private static final DateTimeFormatter LOCAL_HUMAN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);
    /** A mean Gregorian year, for durations beyond one. */
    private static final long YEAR_SECONDS = 31_556_952L;

    private Times() {
    }

    /**
     * Parses a time to epoch milliseconds.
     *
     * @param text    the user's text
     * @param nowMillis what "now" means (the real clock, or {@code --at})
     * @param zone    the zone for times written without one
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static long parseTime(String text, long nowMillis, ZoneId zone) {
        String s = text.strip();
        if (s.equalsIgnoreCase("now")) {
            return nowMillis;
        }
        Matcher rel = RELATIVE.matcher(s);
        if (rel.matches()) {
            long delta = unitMillis(rel.group(2), rel.group(3));
            return rel.group(1).equals("-") ? nowMillis - delta : nowMillis + delta;
        }
        if (s.matches("\\d{9,11}")) {
            return Long.parseLong(s) * 1000L;
        }
        if (s.matches("\\d{9,11}\\.\\d+")) {
            return Math.round(Double.parseDouble(s) * 1000.0);
        }
        try {
            return Instant.parse(s).toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return java.time.OffsetDateTime.parse(s).toInstant().toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(s).atZone(zone).toInstant().toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(s, LOCAL_MINUTES).atZone(zone).toInstant().toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(s).atStartOfDay(zone).toInstant().toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // fall through to the error
        }
        throw new IllegalArgumentException("cannot read time '" + text
                + "': use ISO-8601 (2026-03-14T09:00:00Z), '2026-03-14 09:00', epoch seconds, 'now' or relative (-7d)");
    }

    /** Parses a duration ({@code 60s}, {@code 5m}, {@code 14d}; a bare number is seconds) to milliseconds. */
    public static long parseDurationMillis(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read duration '" + text + "': use e.g. 60s, 5m, 2h, 14d, 2w");
        }
        long millis = unitMillis(m.group(1), m.group(2) == null ? "s" : m.group(2));
        if (millis <= 0) {
            throw new IllegalArgumentException("duration must be positive: " + text);
        }
        return millis;
    }

    private static long unitMillis(String number, String unit) {
        double n = Double.parseDouble(number);
        long per = switch (unit) {
            case "ms" -> 1L;
            case "s" -> 1_000L;
            case "m" -> 60_000L;
            case "h" -> 3_600_000L;
            case "d" -> 86_400_000L;
            case "w" -> 7 * 86_400_000L;
            case "y" -> 365 * 86_400_000L;
            default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
        return Math.round(n * per);
    }

    /** ISO-8601 UTC text of epoch milliseconds, seconds precision: {@code 2026-03-14T09:00:00Z}. */
    public static String iso(long epochMillis) {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(Math.floorDiv(epochMillis, 1000L)));
    }

    /** Local date and time for people, the one date style of text and reports: {@code Thu 14 Jan 2027 21:46}. */
    public static String local(long epochMillis, ZoneId zone) {
        return LOCAL_HUMAN.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }

    /**
     * A duration for people, one unit in words with at most three significant figures:
     * {@code 1 year} or more in years ({@code 1.5 years}, {@code 157 years}); from 2 days in days
     * ({@code 2.5 days}, {@code 44 days}, {@code 120 days}); from 1 hour in hours ({@code 1.5 hours},
     * {@code 36 hours}); from 1 minute in minutes ({@code 20 minutes}); below that in seconds
     * ({@code 45 seconds}). A count under 10 keeps one decimal, a larger one is whole, so the
     * figure reads at a glance; a count of exactly 1 is singular ({@code 1 hour}). A count that
     * rounds up to the next unit's start is written in that unit ({@code 59 min 59 s} is
     * {@code 1 hour}, not {@code 60 minutes}). Negative durations carry the real minus sign.
     * Machine surfaces (JSON, CSV, perfdata, rule files) keep their own forms, never this one.
     */
    public static String human(Duration d) {
        String sign = d.isNegative() ? Human.MINUS : "";
        double seconds = Math.abs(d.getSeconds() + d.getNano() / 1e9); // nanos count up from the (floored) seconds
        int u = UNIT_SECONDS.length - 1;
        while (u > 0 && seconds < UNIT_START[u]) {
            u--;
        }
        double count = rounded(seconds / UNIT_SECONDS[u]);
        if (u < UNIT_SECONDS.length - 1 && count * UNIT_SECONDS[u] >= UNIT_START[u + 1]) {
            u++; // 59.97 minutes rounds to 60: say 1 hour
            count = rounded(seconds / UNIT_SECONDS[u]);
        }
        String n = count == 0 && seconds > 0 ? Human.number(seconds / UNIT_SECONDS[u]) : countText(count);
        return sign + n + " " + UNIT_NAMES[u] + (n.equals("1") ? "" : "s");
    }

    /** Seconds, minutes, hours, days, years: the length of each unit in seconds. */
    private static final double[] UNIT_SECONDS = {1, 60, 3_600, 86_400, YEAR_SECONDS};
    /** Where each unit takes over: a minute, an hour, two days (so 36 hours stays hours), a year. */
    private static final double[] UNIT_START = {0, 60, 3_600, 2 * 86_400, YEAR_SECONDS};
    private static final String[] UNIT_NAMES = {"second", "minute", "hour", "day", "year"};

    /** One decimal under 10, whole from 10; from 1000 (only years reach it) three significant figures. */
    private static double rounded(double count) {
        return count >= 9.95 ? Math.rint(count) : Math.round(count * 10) / 10.0;
    }

    private static String countText(double count) {
        if (count >= 1000) {
            return Human.number(new BigDecimal(count).round(new MathContext(3, RoundingMode.HALF_EVEN)).doubleValue());
        }
        return count == Math.rint(count) ? Long.toString((long) count) : String.format(Locale.ROOT, "%.1f", count);
    }

    /** UTC, for callers that want the zone JSON uses. */
    public static ZoneId utc() {
        return ZoneOffset.UTC;
    }
}
