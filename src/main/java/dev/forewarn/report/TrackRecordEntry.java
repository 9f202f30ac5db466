package dev.forewarn.report;

/**
 * A finding raised on this host before, and what became of it, so "this happened before" is shown.
 *
 * @param series         the series, in canonical text
 * @param ruleId         the rule that raised it
 * @param raisedMillis   when it was raised, epoch milliseconds
 * @param etaMillis      the crossing it predicted, or null
 * @param etaLowMillis   early bound of its interval, or null
 * @param etaHighMillis  late bound, or null
 * @param crossedMillis  when the series actually crossed, or null if it has not (yet)
 * @param outcome        "came true inside the interval", "came true outside the interval", "pending", "did not happen"
 */
public record TrackRecordEntry(String series, String ruleId, long raisedMillis, Long etaMillis, Long etaLowMillis,
                               Long etaHighMillis, Long crossedMillis, String outcome) {
}
