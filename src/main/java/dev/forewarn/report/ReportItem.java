package dev.forewarn.report;

import dev.forewarn.rules.Finding;
import dev.forewarn.series.Series;

/**
 * One finding in a report with everything drawn or said about it.
 *
 * @param finding        the rule's verdict and its projection (the evidence)
 * @param history        the points shown in the chart (may be thinned for drawing; the hash is over the points read);
 *                       the future drawn is the projection's own simulated path
 * @param recommendation what it takes to prevent the failure
 * @param baseline       what predict_linear says, or null when not computed
 * @param data           the points behind it
 */
public record ReportItem(Finding finding, Series history, Recommendation recommendation,
                         Baseline baseline, SeriesData data) {
}
