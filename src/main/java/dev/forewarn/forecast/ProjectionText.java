package dev.forewarn.forecast;

import dev.forewarn.series.Units;
import dev.forewarn.series.SeriesKey;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one sentence a person reads about a projection, shared by {@code forecast}, {@code check}
 * and the report: "/var fills on Sat 14 Mar 2026 (80 %: 9–18 Mar); robust trend since 1 Mar,
 * −1.2 GB/day, 2,016 points". Dates are local (the zone given); values in the metric's units.
 */
public final class ProjectionText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_ONLY = DateTimeFormatter.ofPattern("d", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_CLOCK = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_CLOCK = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    /**
     * A date less than this far (ms) after the evaluation shows its clock, and so does its
     * interval: "8–9 Dec" says little about a memory trough 31 hours out.
     */
    public static final long CLOCK_WITHIN_MILLIS = 2 * 86_400_000L;

    private ProjectionText() {
    }

    /** The headline and the evidence in one line. */
    public static String line(Projection p, ZoneId zone) {
        return p.fit() == null ? headline(p, zone) : headline(p, zone) + "; " + evidence(p, zone);
    }

    /** What happens when: "/var fills on Sat 14 Mar 2026 (80 %: 9–18 Mar)", or why no date. */
    public static String headline(Projection p, ZoneId zone) {
        String who = subject(p.series());
        Units u = Units.ofProjected(p.series());
        if (p.learning()) {
            return who + ": learning (" + (p.needsMoreSeconds() == null ? "too little history"
                    : "needs about " + dev.forewarn.series.Times.human(java.time.Duration.ofSeconds(p.needsMoreSeconds())) + " more history")
                    + " before a trend verdict)";
        }
        if (p.etaMillis() == null) {
            String why = p.reason() == null ? "no trend toward " + p.thresholdShown() : firstClause(p.reason());
            return who + ": no date (" + why + ")";
        }
        if (p.etaMillis() <= p.atMillis()) {
            return who + " is already " + (p.direction() == Direction.DOWN ? "at or below " : "at or above ") + p.thresholdShown();
        }
        return who + " " + verb(p, u) + " on " + (near(p) ? DAY_CLOCK : DAY).format(at(p.etaMillis(), zone)) + " (" + interval(p, zone) + ")";
    }

    /** The evidence: method in words, since when, slope, points. */
    public static String evidence(Projection p, ZoneId zone) {
        StringBuilder sb = new StringBuilder(methodWords(p.method()));
        if (p.fit() != null) {
            Units u = Units.ofProjected(p.series());
            sb.append(p.method() != null && p.method().contains("since the") ? " since " : " from ")
                    .append(SHORT.format(at(p.fit().fromMillis(), zone)))
                    .append(", ").append(u.perDay(p.fit().slopePerDay()))
                    .append(", ").append(NumberFormat.getIntegerInstance(Locale.ENGLISH).format(p.fit().samples()))
                    .append(p.method() != null && p.method().startsWith("envelope") ? " cycle peaks" : " points");
        }
        return sb.toString();
    }

    /**
     * "80 %: 9–18 Mar", "80 %: 28 Feb–3 Mar", or "80 %: from 9 Mar, late bound beyond the horizon";
     * with clock times when the date is near ({@link #CLOCK_WITHIN_MILLIS}): "80 %: 8 Dec 11:00–14:20",
     * "80 %: 8 Dec 21:00 – 9 Dec 02:30".
     */
    public static String interval(Projection p, ZoneId zone) {
        String c = Math.round(p.confidence() * 100) + " %: ";
        if (p.etaLowMillis() == null) {
            return c + "no interval";
        }
        boolean clock = near(p);
        ZonedDateTime lo = at(p.etaLowMillis(), zone);
        if (p.etaHighMillis() == null) {
            return c + "from " + (clock ? SHORT_CLOCK : SHORT).format(lo) + ", late bound beyond the horizon";
        }
        ZonedDateTime hi = at(p.etaHighMillis(), zone);
        boolean sameDay = lo.toLocalDate().equals(hi.toLocalDate());
        if (clock) {
            return c + SHORT_CLOCK.format(lo) + (sameDay ? "–" + CLOCK.format(hi) : " – " + SHORT_CLOCK.format(hi));
        }
        if (sameDay) {
            return c + SHORT.format(lo);
        }
        boolean sameMonth = lo.getYear() == hi.getYear() && lo.getMonth() == hi.getMonth();
        return c + (sameMonth ? DAY_ONLY.format(lo) : SHORT.format(lo)) + "–" + SHORT.format(hi);
    }

    /** Whether the projected date is near enough to the evaluation to be given with its clock. */
    public static boolean near(Projection p) {
        return p.etaMillis() != null && p.etaMillis() - p.atMillis() < CLOCK_WITHIN_MILLIS;
    }

    static String verb(Projection p, Units u) {
        String name = p.series().name();
        boolean free = name.endsWith("avail_bytes") || name.endsWith("_free") || name.endsWith("available_bytes");
        if (name.startsWith("fs.") && free && p.threshold() == 0) {
            return "fills";
        }
        if (free && p.direction() == Direction.DOWN) {
            return "falls to " + p.thresholdShown() + " free";
        }
        return (p.direction() == Direction.UP ? "reaches " : "falls to ") + p.thresholdShown();
    }

    /** The mount, interface or disk a person knows the series by; else its canonical text. */
    static String subject(SeriesKey k) {
        for (String label : new String[] {"mount", "iface", "disk", "battery", "name"}) {
            String v = k.label(label);
            if (v != null) {
                return k.labels().size() == 1 || label.equals("mount") ? (label.equals("mount") ? v : k.name() + " " + v) : k.toString();
            }
        }
        return k.toString();
    }

    /** The model of a method in words ("robust trend" for theil-sen, "accelerating (quadratic) trend"); other methods as given. */
    public static String methodWords(String method) {
        if (method == null) {
            return "no method";
        }
        if (method.startsWith("envelope")) {
            return "envelope of the cleanup cycles' peaks";
        }
        if (method.startsWith("theil-sen + daily")) {
            return "robust trend after removing the daily cycle";
        }
        if (method.startsWith("theil-sen + weekly")) {
            return "robust trend after removing the weekly cycle";
        }
        if (method.startsWith("theil-sen")) {
            return "robust trend";
        }
        if (method.startsWith("least-squares")) {
            return "least-squares trend";
        }
        if (method.startsWith("quadratic")) {
            return "accelerating (quadratic) trend";
        }
        return method;
    }

    private static String firstClause(String reason) {
        int i = reason.indexOf(';');
        return i < 0 ? reason : reason.substring(0, i);
    }

    private static ZonedDateTime at(long millis, ZoneId zone) {
        return Instant.ofEpochMilli(millis).atZone(zone);
    }
}
