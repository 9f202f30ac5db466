package dev.forewarn.rules;

import java.util.List;

/**
 * What the evaluator remembers between check runs, for the flapping guard, the "resolved"
 * notices and the track record. Rules define it; the store implements it (rules never see
 * the database). Series are named by their canonical text; times are epoch milliseconds.
 */
public interface FindingState {

    /**
     * The guard's memory of one rule on one series.
     *
     * @param pending       the worst raw verdict of the current streak (OK when none)
     * @param count         consecutive evaluations with a verdict of WARNING or worse
     * @param sinceMillis   when the streak began
     * @param raised        the severity last raised to the user (OK when none is standing)
     * @param raisedMillis  when it was raised
     * @param updatedMillis the evaluation time of the last update
     */
    record Entry(Severity pending, int count, long sinceMillis, Severity raised, long raisedMillis, long updatedMillis) {
        /** Nothing seen yet. */
        public static final Entry NONE = new Entry(Severity.OK, 0, 0, Severity.OK, 0, Long.MIN_VALUE);
    }

    /** The entry of a rule on a series, or {@link Entry#NONE}. */
    Entry get(String ruleId, String series);

    /** Replaces the entry of a rule on a series. */
    void put(String ruleId, String series, Entry entry);

    /** A finding was raised (newly, or with another severity): keep it with its predicted dates for the track record. */
    default void raised(Finding finding, long atMillis) {
        keep(Raised.of(finding, atMillis));
    }

    /**
     * Keeps one raised finding in the history. The port's only way in for findings, in the port's
     * own terms, so an implementation (the store) needs neither {@link Finding} nor the forecast's
     * types.
     */
    void keep(Raised raised);

    /** The standing finding of a rule on a series no longer holds. */
    void resolved(String ruleId, String series, long atMillis);

    /**
     * One finding as kept in the history.
     *
     * @param ruleId         rule
     * @param series         series text
     * @param severity       severity raised
     * @param raisedMillis   when
     * @param resolvedMillis when it stopped holding, or null while it stands
     * @param value          value when raised, or null
     * @param threshold      threshold judged, or null
     * @param etaMillis      predicted crossing, or null
     * @param etaLowMillis   early bound, or null
     * @param etaHighMillis  late bound, or null
     * @param message        the message shown
     */
    record Raised(String ruleId, String series, Severity severity, long raisedMillis, Long resolvedMillis,
                  Double value, Double threshold, Long etaMillis, Long etaLowMillis, Long etaHighMillis, String message) {

        /** A finding as raised at {@code atMillis}, standing (not resolved); a NaN value or threshold is null. */
        public static Raised of(Finding f, long atMillis) {
            var p = f.projection();
            return new Raised(f.ruleId(), p.series().toString(), f.severity(), atMillis, null,
                    Double.isNaN(p.value()) ? null : p.value(), Double.isNaN(p.threshold()) ? null : p.threshold(),
                    p.etaMillis(), p.etaLowMillis(), p.etaHighMillis(), f.message());
        }
    }

    /** The history of raised findings, oldest first (for the report's track record). */
    List<Raised> history();
}
