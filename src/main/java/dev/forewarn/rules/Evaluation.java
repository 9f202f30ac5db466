package dev.forewarn.rules;

import java.util.Comparator;
import java.util.List;

/**
 * The outcome of one check: a finding per rule and series (OK ones included), and the notices of
 * findings that stopped holding since the last check ("resolved", said once).
 *
 * @param atMillis evaluation time, epoch milliseconds
 * @param findings every finding, worst first
 * @param resolved findings raised before that no longer hold, severity OK
 */
public record Evaluation(long atMillis, List<Finding> findings, List<Finding> resolved) {

    /** Worst first (CRITICAL, WARNING, UNKNOWN, OK), then by rule and series for a stable order. */
    public static final Comparator<Finding> WORST_FIRST = Comparator
            .comparingInt((Finding f) -> -f.severity().rank())
            .thenComparing(f -> f.projection().etaMillis() == null ? Long.MAX_VALUE : f.projection().etaMillis())
            .thenComparing(Finding::ruleId)
            .thenComparing(f -> f.projection().series().toString());

    public Evaluation {
        findings = findings.stream().sorted(WORST_FIRST).toList();
        resolved = List.copyOf(resolved);
    }

    /** The overall status: the worst severity by {@link Severity#rank()}, OK when there are no findings. */
    public Severity status() {
        return findings.isEmpty() ? Severity.OK : findings.get(0).severity();
    }

    /** The findings worse than OK, worst first. */
    public List<Finding> problems() {
        return findings.stream().filter(f -> f.severity() != Severity.OK).toList();
    }
}
