package dev.forewarn.report;

import dev.forewarn.forecast.Projection;
import dev.forewarn.rules.Finding;
import dev.forewarn.series.SeriesKey;
import java.time.ZoneId;

/**
 * Sizes the fix for a finding from its forecast. The amount is today's rate times the runway
 * ({@code |slope_per_day| × runway days}, rounded up to two significant digits): delivered by the
 * crossing's early bound, it keeps that many days of headroom at today's growth. The order-by
 * date is the early bound minus the procurement lead time, because a purchase is only useful
 * if it lands before the space runs out.
 */
public final class Recommendations {

    private static final double DAY_MILLIS = 86_400_000.0;

    private Recommendations() {
    }

    /** The recommendation for a finding, judged at the projection's evaluation time. */
    public static Recommendation of(Finding f, long runwayMillis, long leadTimeMillis, ZoneId zone) {
        Projection p = f.projection();
        SeriesKey key = p.series();
        Units units = Units.of(key.name());
        long runwayDays = Math.round(runwayMillis / DAY_MILLIS);
        String what = ReportText.resource(key);
        if (!p.hasEta()) {
            return new Recommendation("No action needed for " + what + ": " + firstLower(p.reason() == null ? "no trend toward the threshold." : p.reason()),
                    null, null, false, runwayMillis, leadTimeMillis);
        }
        long early = p.etaLowMillis() != null ? p.etaLowMillis() : p.etaMillis();
        long orderBy = early - leadTimeMillis;
        boolean passed = orderBy <= p.atMillis();
        double rate = p.fit() == null ? Double.NaN : Math.abs(p.fit().slopePerDay());
        Double amount = null;
        String verb;
        if (key.name().startsWith("smart.")) {
            verb = "Replace disk " + orLabel(key, "disk", "the disk");
        } else if (Double.isNaN(rate) || rate == 0) {
            verb = "Act on " + what;
        } else {
            amount = Units.roundUpTwoDigits(rate * runwayDays);
            String size = units.format(amount);
            if (key.name().startsWith("fs.")) {
                verb = (key.name().startsWith("fs.inodes") ? "Free or add at least " + size + " inodes on "
                        : "Add at least " + size + " to ") + orLabel(key, "mount", "the file system");
            } else if (key.name().startsWith("mem.") || key.name().startsWith("swap.")) {
                verb = "Add at least " + size + " of memory (or find what is growing)";
            } else if (key.name().startsWith("proc.")) {
                verb = "Fix or restart " + orLabel(key, "name", "the process") + " (it grows " + units.format(rate)
                        + "/day), or provide at least " + size + " more memory";
            } else {
                verb = "Provide at least " + size + " more headroom on " + what;
            }
        }
        String date = ReportText.day(passed ? p.atMillis() : orderBy, zone);
        String keep = amount == null ? "" : " to keep " + runwayDays + " days of headroom at today's growth";
        String action;
        if (passed) {
            action = verb + " now" + keep + ": the order-by date " + ReportText.day(orderBy, zone)
                    + " (earliest failure " + ReportText.day(early, zone) + " minus "
                    + Math.round(leadTimeMillis / DAY_MILLIS) + " days lead time) has already passed.";
        } else {
            action = verb + " by " + date + keep + ".";
        }
        return new Recommendation(action, amount, orderBy, passed, runwayMillis, leadTimeMillis);
    }

    private static String orLabel(SeriesKey key, String label, String fallback) {
        String v = key.label(label);
        return v == null || v.isEmpty() ? fallback : v;
    }

    private static String firstLower(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
