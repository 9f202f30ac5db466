package dev.forewarn.fleet;

import dev.forewarn.rules.Severity;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The verdict on a whole fleet at one instant.
 *
 * @param atMillis       evaluation time, epoch milliseconds
 * @param source         where the history came from (the Prometheus URL, or the store path)
 * @param instances      one result per instance, worst first, then by name
 * @param durationMillis wall time of the whole evaluation, milliseconds
 * @param demo           the history is the invented one of {@code forewarn demo} (its store): the report says DEMO DATA
 */
public record FleetEvaluation(long atMillis, String source, List<InstanceResult> instances, long durationMillis, boolean demo) {

    /** Worst status first, then the earliest crossing, then the instance name. */
    public static final Comparator<InstanceResult> WORST_FIRST = Comparator
            .comparingInt((InstanceResult r) -> -r.status().rank())
            .thenComparing(r -> r.problems().isEmpty() || r.problems().get(0).projection().etaMillis() == null
                    ? Long.MAX_VALUE : r.problems().get(0).projection().etaMillis())
            .thenComparing(InstanceResult::instance);

    public FleetEvaluation {
        instances = instances.stream().sorted(WORST_FIRST).toList();
    }

    /** A real fleet's (or host's) verdict. */
    public FleetEvaluation(long atMillis, String source, List<InstanceResult> instances, long durationMillis) {
        this(atMillis, source, instances, durationMillis, false);
    }

    /** The worst instance status (CRITICAL over WARNING over UNKNOWN over OK); UNKNOWN for an empty fleet. */
    public Severity status() {
        return instances.isEmpty() ? Severity.UNKNOWN : instances.get(0).status();
    }

    /** How many instances are in each state. */
    public Map<Severity, Integer> counts() {
        Map<Severity, Integer> m = new EnumMap<>(Severity.class);
        for (InstanceResult r : instances) {
            m.merge(r.status(), 1, Integer::sum);
        }
        return m;
    }

    /** The instances that could not be read. */
    public List<InstanceResult> failed() {
        return instances.stream().filter(r -> r.error() != null).toList();
    }
}
