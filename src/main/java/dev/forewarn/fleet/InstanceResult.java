package dev.forewarn.fleet;

import dev.forewarn.rules.Finding;
import dev.forewarn.rules.Severity;
import java.util.List;

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
 */
public record InstanceResult(String instance, Severity status, List<Finding> findings, String error,
                             int series, long points, long queryMillis, long forecastMillis) {

    public InstanceResult {
        findings = List.copyOf(findings);
    }

    /** The findings worse than OK, worst first. */
    public List<Finding> problems() {
        return findings.stream().filter(f -> f.severity() != Severity.OK).toList();
    }
}
