package dev.forewarn.rules;

import dev.forewarn.forecast.Projection;
import dev.forewarn.forecast.ProjectionText;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The verdict phrase of a projection in the reader's zone: "in 9 days (Sat 14 Mar 2026,
 * 80 %: 9–18 Mar)". Days are whole days from the evaluation time, rounded down; under two days
 * the phrase counts hours.
 */
final class WhenText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private WhenText() {
    }

    static String eta(Projection p, ZoneId zone) {
        long dt = p.etaMillis() - p.atMillis();
        ZonedDateTime eta = Instant.ofEpochMilli(p.etaMillis()).atZone(zone);
        String in;
        String date;
        if (dt < 2 * 86_400_000L) {
            long hours = Math.max(0, dt / 3_600_000L);
            in = hours == 0 ? "within the hour" : "in " + hours + (hours == 1 ? " hour" : " hours");
            date = HOUR.format(eta);
        } else {
            long days = dt / 86_400_000L;
            in = "in " + days + " days";
            date = DAY.format(eta);
        }
        StringBuilder sb = new StringBuilder(in).append(" (").append(date);
        if (p.etaLowMillis() != null) {
            sb.append(", ").append(ProjectionText.interval(p, zone));
        }
        return sb.append(')').toString();
    }
}
