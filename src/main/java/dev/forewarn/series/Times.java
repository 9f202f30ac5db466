package dev.forewarn.series;

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
     * A human duration, largest two units: {@code 9d 4h}, {@code 3h 20m}, {@code 45s}; beyond a
     * year in years with three significant figures ({@code 1.5 years}, {@code 157 years}).
     */
    public static String human(Duration d) {
        long s = Math.abs(d.getSeconds());
        String sign = d.isNegative() ? Human.MINUS : "";
        if (s >= YEAR_SECONDS) {
            String n = Human.number(s / (double) YEAR_SECONDS);
            return sign + n + (n.equals("1") ? " year" : " years");
        }
        long days = s / 86_400;
        long hours = (s % 86_400) / 3_600;
        long minutes = (s % 3_600) / 60;
        if (days > 0) {
            return sign + days + "d" + (hours > 0 ? " " + hours + "h" : "");
        }
        if (hours > 0) {
            return sign + hours + "h" + (minutes > 0 ? " " + minutes + "m" : "");
        }
        if (minutes > 0) {
            return sign + minutes + "m";
        }
        return sign + s + "s";
    }

    /** UTC, for callers that want the zone JSON uses. */
    public static ZoneId utc() {
        return ZoneOffset.UTC;
    }
}
