package dev.forewarn.forecast.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The targets of issue 11, each checked and remembered: 80 % coverage within 70–90 % for every
 * family and horizon bucket (at least 70 % for a quiet family, see {@link #coverage}); median ETA error at most 10 % for every fill family (15 % for
 * accelerating and drifting, as the family says); no false alarm in a quiet family; a lead of at
 * least 10 days on every fill family (median over its draws).
 */
final class Targets {

    static final double COVERAGE_LOW = 0.70;
    static final double COVERAGE_HIGH = 0.90;
    static final double MIN_LEAD_DAYS = 10;

    private final List<String> missed = new ArrayList<>();
    private int checked;

    /**
     * "ok" or "FAIL" for a coverage cell; "" when the cell is empty (nothing to judge). Where the
     * truth lies beyond the horizon (a quiet family) only the lower bound applies: "no date
     * within the horizon" is then simply right, and an engine that says so every time is not
     * overconfident.
     */
    String coverage(String where, double coverage, boolean truthWithinHorizon) {
        if (Double.isNaN(coverage)) {
            return "";
        }
        boolean ok = coverage >= COVERAGE_LOW && (!truthWithinHorizon || coverage <= COVERAGE_HIGH);
        return mark(ok, where + ": 80 % coverage " + pct(coverage) + (truthWithinHorizon ? " outside 70-90 %" : " below 70 %"));
    }

    String error(String where, double median, double max) {
        if (Double.isNaN(median)) {
            return "";
        }
        return mark(median <= max, where + ": median ETA error " + pct(median) + " above " + pct(max));
    }

    String falseAlarms(String where, int count) {
        return mark(count == 0, where + ": " + count + " false alarm" + (count == 1 ? "" : "s"));
    }

    String lead(String where, double days) {
        if (Double.isNaN(days)) {
            return "";
        }
        return mark(days >= MIN_LEAD_DAYS, where + String.format(Locale.ROOT, ": median lead %.1f d below %.0f d", days, MIN_LEAD_DAYS));
    }

    private String mark(boolean ok, String whyNot) {
        checked++;
        if (!ok) {
            missed.add(whyNot);
        }
        return ok ? "ok" : "FAIL";
    }

    int checked() {
        return checked;
    }

    List<String> missed() {
        return missed;
    }

    static String pct(double x) {
        return Double.isNaN(x) ? "-" : Double.isInfinite(x) ? "inf" : String.format(Locale.ROOT, "%.1f%%", 100 * x);
    }
}
