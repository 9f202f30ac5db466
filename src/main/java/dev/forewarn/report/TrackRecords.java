package dev.forewarn.report;

import dev.forewarn.rules.FindingState;
import dev.forewarn.series.Series;

/**
 * Judges an earlier finding against what happened since: did the series cross the threshold,
 * and inside the predicted interval? The direction is read from the value and threshold it was
 * raised with (above the threshold: falling toward it). Times are epoch milliseconds.
 */
public final class TrackRecords {

    /** The outcome phrases. */
    public static final String INSIDE = "came true inside its interval";
    public static final String OUTSIDE = "came true outside its interval";
    public static final String PENDING = "pending";
    public static final String RESOLVED = "resolved before the limit was reached";
    public static final String MISSED = "did not happen by its late bound";

    private TrackRecords() {
    }

    /**
     * The entry for one earlier finding.
     *
     * @param r     the finding as kept in the store
     * @param after the series' points from when it was raised up to the report's evaluation time
     * @param atMillis the report's evaluation time
     */
    public static TrackRecordEntry judge(FindingState.Raised r, Series after, long atMillis) {
        Long crossed = null;
        if (r.value() != null && r.threshold() != null) {
            boolean falling = r.value() > r.threshold();
            for (int i = 0; i < after.size(); i++) {
                double v = after.value(i);
                if (after.timeMillis(i) >= r.raisedMillis() && !Double.isNaN(v) && (falling ? v <= r.threshold() : v >= r.threshold())) {
                    crossed = after.timeMillis(i);
                    break;
                }
            }
        }
        String outcome;
        if (crossed != null) {
            boolean inside = r.etaLowMillis() != null && crossed >= r.etaLowMillis()
                    && (r.etaHighMillis() == null || crossed <= r.etaHighMillis());
            outcome = inside ? INSIDE : OUTSIDE;
        } else if (r.resolvedMillis() != null && r.resolvedMillis() <= atMillis) {
            outcome = RESOLVED;
        } else if (r.etaHighMillis() != null && r.etaHighMillis() < atMillis) {
            outcome = MISSED;
        } else {
            outcome = PENDING;
        }
        return new TrackRecordEntry(r.series(), r.ruleId(), r.raisedMillis(), r.etaMillis(), r.etaLowMillis(),
                r.etaHighMillis(), crossed, outcome);
    }
}
