package dev.forewarn.fleet;

import dev.forewarn.rules.Finding;
import dev.forewarn.rules.Severity;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import java.util.List;
import java.util.Map;

/**
 * The verdict on one instance of the fleet.
 *
 * @param instance       Prometheus's {@code instance} label, the host
 * @param status         the worst finding's severity; UNKNOWN when the instance could not be read
 * @param findings       every finding (OK ones included), worst first
 * @param error          why the instance could not be read, or null
 * @param series         series judged
 * @param points         points read
 * @param queryMillis    wall time asking Prometheus, milliseconds
 * @param forecastMillis wall time judging the rules (forecasts included), milliseconds
 * @param evidence       the history of the series with a finding worse than OK or a crossing, for reports
 *                       (the rest of the instance's history is let go once judged)
 */
public record InstanceResult(String instance, Severity status, List<Finding> findings, String error,
                             int series, long points, long queryMillis, long forecastMillis, Map<SeriesKey, Series> evidence) {

    public InstanceResult {
        findings = List.copyOf(findings);
        evidence = Map.copyOf(evidence);
    }

    /** The findings worse than OK, worst first. */
    public List<Finding> problems() {
        return findings.stream().filter(f -> f.severity() != Severity.OK).toList();
    }
}
