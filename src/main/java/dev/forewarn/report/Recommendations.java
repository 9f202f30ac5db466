package dev.forewarn.report;

import dev.forewarn.series.Units;
import dev.forewarn.forecast.Projection;
import dev.forewarn.forecast.ProjectionText;
import dev.forewarn.rules.Finding;
import dev.forewarn.rules.Severity;
import dev.forewarn.series.SeriesKey;
import java.time.ZoneId;

/**
 * Sizes the fix for a finding from its forecast. The amount is today's rate times the runway
 * ({@code |slope_per_day| × runway days}, rounded up to two significant digits): delivered by the
 * crossing's early bound, it keeps that many days of headroom at today's growth. The order-by
 * date is the early bound minus the procurement lead time, because a purchase is only useful
 * if it lands before the space runs out. Memory that runs out because one process grows is a
 * leak: the fix is that process, by the early bound (no purchase, no lead time); the memory a
 * purchase would need is still given, so the reader sees what not fixing it costs.
 */
public final class Recommendations {

    private static final double DAY_MILLIS = 86_400_000.0;

    private Recommendations() {
    }

    /**
     * The recommendation for a finding, judged at the projection's evaluation time.
     *
     * @param culprit what grows behind a memory finding, in words ("billing-api grew from 0.80 GB to 9.2 GB since Sat 24 Oct"), or null
     */
    public static Recommendation of(Finding f, long runwayMillis, long leadTimeMillis, ZoneId zone, String culprit) {
        Projection p = f.projection();
        SeriesKey key = p.series();
        Units units = Units.of(key.name());
        long runwayDays = Math.round(runwayMillis / DAY_MILLIS);
        long leadDays = Math.round(leadTimeMillis / DAY_MILLIS);
        String what = ReportText.resource(key);
        if (!p.hasEta()) {
            if (f.severity() == Severity.OK) {
                return new Recommendation("No action needed for " + what + ": "
                        + firstLower(p.reason() == null ? "no trend toward the threshold." : p.reason()),
                        null, null, false, runwayMillis, leadTimeMillis);
            }
            // a verdict without a date (a present level, a growing error count): act now
            // the heading already carries check's "(pending ...)" note: the advice does not repeat it
            String message = withoutPending(f.message());
            String act = key.name().startsWith("smart.")
                    ? "Order a replacement for disk " + orLabel(key, "disk", "the disk") + " now and move its data off it: "
                      + withoutSubject(message, orLabel(key, "disk", "")) + "."
                    : key.name().startsWith("cpu.load")
                    ? "Find what overloads the processors now, or add cores: " + message + "."
                    : "Look at " + what + " now: " + message + ".";
            return new Recommendation(act, null, p.atMillis(), true, runwayMillis, leadTimeMillis);
        }
        long early = p.etaLowMillis() != null ? p.etaLowMillis() : p.etaMillis();
        double rate = p.fit() == null ? Double.NaN : Math.abs(p.fit().slopePerDay());
        Double amount = Double.isNaN(rate) || rate == 0 ? null : Units.roundUpTwoDigits(rate * runwayDays);
        String size = amount == null ? null : units.format(amount);
        boolean memory = key.name().startsWith("mem.") || key.name().startsWith("swap.") || key.name().startsWith("proc.");
        if (memory && culprit != null) {
            boolean late = early <= p.atMillis();
            // the deadline first: after the culprit's "since ..." clause a "before ..." reads as part of its history
            String who = culprit.strip();
            String action = (late ? "Now, fix" : "Before " + ReportText.date(early, ProjectionText.near(p), zone) + ", fix") + " or restart " + who
                    + ": that is what uses up the memory."
                    + (size == null ? "" : " Adding memory instead only buys time: " + runwayDays + " days at today's growth need "
                    + size + " more.");
            return new Recommendation(action, amount, early, late, runwayMillis, leadTimeMillis);
        }
        long orderBy = early - leadTimeMillis;
        boolean passed = orderBy <= p.atMillis();
        String verb;
        if (key.name().startsWith("smart.")) {
            verb = "Replace disk " + orLabel(key, "disk", "the disk");
        } else if (size == null) {
            verb = "Act on " + what;
        } else if (key.name().startsWith("fs.")) {
            verb = (key.name().startsWith("fs.inodes") ? "Free or add at least " + size + " inodes on "
                    : "Add at least " + size + " to ") + orLabel(key, "mount", "the file system");
        } else if (memory) {
            verb = "Add at least " + size + " of memory, or find what is growing,";
        } else {
            verb = "Provide at least " + size + " more headroom on " + what;
        }
        String keep = size == null ? "" : " to keep " + runwayDays + " days of headroom at today's growth";
        String action;
        if (passed) {
            action = verb + " now" + keep + ". The order-by date, " + ReportText.day(orderBy, zone)
                    + " (earliest failure " + ReportText.day(early, zone) + " minus " + leadDays + " days lead time), has already passed.";
        } else {
            action = verb + " by " + ReportText.day(orderBy, zone) + keep + " (earliest failure "
                    + ReportText.day(early, zone) + " minus " + leadDays + " days lead time).";
        }
        return new Recommendation(action, amount, orderBy, passed, runwayMillis, leadTimeMillis);
    }

    /** The message without the flapping guard's trailing "(pending CRITICAL: 1 of 2 evaluations, ...)". */
    static String withoutPending(String message) {
        return message == null ? "" : message.replaceFirst("\\s*\\(pending [A-Z]+: [^()]*\\)$", "");
    }

    /** "sda: reallocated sectors grew ..." after "disk sda" has been named: "its reallocated sectors grew ...". */
    static String withoutSubject(String message, String disk) {
        if (disk.isEmpty()) {
            return message;
        }
        int at = message.indexOf(disk + ": ");
        // a fleet's message leads with its instance ("web-3: sda: ..."), which the heading names too
        boolean lead = at == 0 || at > 0 && message.substring(0, at).matches("[^ ]+: ");
        return lead ? "its " + message.substring(at + disk.length() + 2) : message;
    }

    private static String orLabel(SeriesKey key, String label, String fallback) {
        String v = key.label(label);
        return v == null || v.isEmpty() ? fallback : v;
    }

    private static String firstLower(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
