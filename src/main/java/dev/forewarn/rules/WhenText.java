package dev.forewarn.rules;

import dev.forewarn.forecast.Projection;
import dev.forewarn.forecast.ProjectionText;
import dev.forewarn.series.Times;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The verdict phrase of a projection in the reader's zone: "in 9.5 days (Sat 14 Mar 2026,
 * 80 %: 9–18 Mar)", the time left from the evaluation through the one duration formatter
 * ({@link Times#human}: hours under two days, days beyond); under an hour "within the hour".
 * Under two days the date shows the clock too.
 */
final class WhenText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private WhenText() {
    }

    static String eta(Projection p, ZoneId zone) {
        long dt = p.etaMillis() - p.atMillis();
        ZonedDateTime eta = Instant.ofEpochMilli(p.etaMillis()).atZone(zone);
        String in = dt < 3_600_000L ? "within the hour" : "in " + Times.human(Duration.ofMillis(dt));
        String date = ProjectionText.near(p) ? HOUR.format(eta) : DAY.format(eta);
        StringBuilder sb = new StringBuilder(in).append(" (").append(date);
        if (p.etaLowMillis() != null) {
            sb.append(", ").append(ProjectionText.interval(p, zone));
        }
        return sb.append(')').toString();
    }
}
