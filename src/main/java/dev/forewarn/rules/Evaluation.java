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
 * @param pending  verdicts the flapping guard holds back (shown among {@code findings} as OK "(pending ...)"), worst first
 */
public record Evaluation(long atMillis, List<Finding> findings, List<Finding> resolved, List<Pending> pending) {

    /** Worst first (CRITICAL, WARNING, UNKNOWN, OK), then by rule and series for a stable order. */
    public static final Comparator<Finding> WORST_FIRST = Comparator
            .comparingInt((Finding f) -> -f.severity().rank())
            .thenComparing(f -> f.projection().etaMillis() == null ? Long.MAX_VALUE : f.projection().etaMillis())
            .thenComparing(Finding::ruleId)
            .thenComparing(f -> f.projection().series().toString());

    public Evaluation {
        findings = findings.stream().sorted(WORST_FIRST).toList();
        resolved = List.copyOf(resolved);
        pending = pending.stream().sorted(Comparator.comparingInt((Pending p) -> -p.severity().rank())
                .thenComparing(p -> p.finding(), WORST_FIRST)).toList();
    }

    /** An evaluation without a flapping guard: nothing pending. */
    public Evaluation(long atMillis, List<Finding> findings, List<Finding> resolved) {
        this(atMillis, findings, resolved, List.of());
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
