package dev.forewarn.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forewarn.fleet.FleetEvaluation;
import dev.forewarn.fleet.FleetEvaluator;
import dev.forewarn.fleet.InstanceResult;
import dev.forewarn.fleet.PrometheusException;
import dev.forewarn.forecast.ForecastEngine;
import dev.forewarn.report.ProjectionJson;
import dev.forewarn.rules.Finding;
import dev.forewarn.rules.Rule;
import dev.forewarn.rules.RuleEvaluator;
import dev.forewarn.rules.RuleFileFindings;
import dev.forewarn.rules.RuleSet;
import dev.forewarn.rules.Severity;
import dev.forewarn.series.Times;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code check --prometheus URL}: judges every instance of the fleet and prints, as a Nagios
 * plugin, a first line that counts instances by state, then one line per instance with a
 * finding, worst first; the exit code is the worst instance's. A server that cannot be read at
 * all is one {@code error:} line and UNKNOWN; instances that fail alone are named.
 */
final class FleetCheck {

    private FleetCheck() {
    }

    /** Judges the fleet with the rules in force (the same evaluator and rules as a single host). */
    static FleetEvaluation evaluate(PrometheusOptions prom, RuleSet rules, long atMillis, long sinceMillis, int errorExit) {
        return evaluate(prom, rules.rules(), atMillis, sinceMillis, errorExit);
    }

    /** As above, with the rules given (a report's, at its own confidence). */
    static FleetEvaluation evaluate(PrometheusOptions prom, List<Rule> rules, long atMillis, long sinceMillis, int errorExit) {
        RuleEvaluator evaluator = new RuleEvaluator(new ForecastEngine(), ZoneId.systemDefault());
        try {
            FleetEvaluator fleet = new FleetEvaluator(prom.reader(), evaluator, prom.parallel());
            return fleet.evaluate(rules, atMillis, sinceMillis);
        } catch (PrometheusException e) {
            throw PrometheusOptions.failure(e, errorExit);
        }
    }

    /** Runs the check and prints it; returns the exit code. */
    static int run(PrometheusOptions prom, RuleSet rules, long atMillis, long sinceMillis, boolean json, boolean quiet, PrintWriter out) {
        FleetEvaluation ev = evaluate(prom, rules, atMillis, sinceMillis, ExitCodes.UNKNOWN);
        List<String> notes = new ArrayList<>();
        for (Finding f : RuleFileFindings.of(rules, atMillis)) {
            notes.add(f.message());
        }
        Severity status = ev.status();
        if (!notes.isEmpty() && status.rank() < Severity.UNKNOWN.rank()) {
            status = Severity.UNKNOWN;
        }
        if (quiet && (status == Severity.OK)) {
            return status.exitCode();
        }
        if (json) {
            out.println(json(ev, status, notes).toPrettyString());
        } else {
            out.print(text(ev, status, notes));
        }
        out.flush();
        return status.exitCode();
    }

    /** The Nagios text: the counting line, then one line per instance with a finding. */
    static String text(FleetEvaluation ev, Severity status, List<String> notes) {
        StringBuilder sb = new StringBuilder("FOREWARN FLEET ").append(status.name()).append(" - ");
        sb.append(counts(ev));
        List<InstanceResult> failed = ev.failed();
        if (!failed.isEmpty()) {
            sb.append("; ").append(failed.size()).append(failed.size() == 1 ? " instance" : " instances")
                    .append(" could not be read: ").append(String.join(", ", failed.stream().map(InstanceResult::instance).toList()));
        }
        sb.append(String.format(Locale.ROOT, " | 'instances'=%d 'seconds'=%.1fs", ev.instances().size(), ev.durationMillis() / 1000.0));
        sb.append('\n');
        for (InstanceResult r : ev.instances()) {
            if (r.error() != null) {
                sb.append(String.format(Locale.ROOT, "%-8s %s: %s%n", r.status().name(), r.instance(), r.error()));
                continue;
            }
            List<Finding> problems = r.problems();
            if (problems.isEmpty()) {
                continue;
            }
            Finding worst = problems.get(0);
            sb.append(String.format(Locale.ROOT, "%-8s %s: %s [%s]", r.status().name(), r.instance(), worst.message(), worst.ruleId()));
            if (problems.size() > 1) {
                sb.append(" (+").append(problems.size() - 1).append(" more)");
            }
            sb.append('\n');
        }
        for (String n : notes) {
            sb.append("note: ").append(n).append('\n');
        }
        return sb.toString();
    }

    /** "6 instances: 1 WARNING, 5 OK", worst state first. */
    static String counts(FleetEvaluation ev) {
        int n = ev.instances().size();
        if (n == 0) {
            return "no instance with node_exporter series in the window (check --match, --instance, --since)";
        }
        Map<Severity, Integer> c = ev.counts();
        List<String> parts = new ArrayList<>();
        for (Severity s : List.of(Severity.CRITICAL, Severity.WARNING, Severity.UNKNOWN, Severity.OK)) {
            if (c.containsKey(s)) {
                parts.add(c.get(s) + " " + s.name());
            }
        }
        return n + (n == 1 ? " instance: " : " instances: ") + String.join(", ", parts);
    }

    /** {@code {"status", "at", "prometheus", "instances": [{"instance", "status", "findings": [...]}]}}. */
    static ObjectNode json(FleetEvaluation ev, Severity status, List<String> notes) {
        ObjectNode o = ProjectionJson.MAPPER.createObjectNode();
        o.put("status", status.name());
        o.put("at", Times.iso(ev.atMillis()));
        o.put("prometheus", ev.source());
        ObjectNode counts = o.putObject("counts");
        ev.counts().forEach((k, v) -> counts.put(k.name(), v));
        ArrayNode is = o.putArray("instances");
        for (InstanceResult r : ev.instances()) {
            ObjectNode i = is.addObject();
            i.put("instance", r.instance());
            i.put("status", r.status().name());
            if (r.error() != null) {
                i.put("error", r.error());
            }
            ArrayNode fs = i.putArray("findings");
            r.findings().forEach(f -> fs.add(ProjectionJson.toJson(f)));
        }
        ArrayNode failed = o.putArray("failed");
        ev.failed().forEach(r -> failed.add(r.instance()));
        ArrayNode ns = o.putArray("notes");
        notes.forEach(ns::add);
        return o;
    }
}
