package dev.forewarn.cli;

import dev.forewarn.forecast.Direction;
import dev.forewarn.report.CheckText;
import dev.forewarn.report.CheckText.Perf;
import dev.forewarn.rules.Evaluation;
import dev.forewarn.rules.Finding;
import dev.forewarn.rules.Rule;
import dev.forewarn.rules.RuleEvaluator;
import dev.forewarn.rules.RuleSet;
import dev.forewarn.rules.Severity;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.series.SeriesSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The perfdata of a check: counts of findings by severity, then for each finding worse than OK
 * its value (with the rule's present-value levels as warn and crit ranges) and, when a crossing
 * is projected, the days until it (with the rule's horizons as ranges).
 */
final class CheckPerf {

    private static final double DAY = 86_400_000.0;

    private CheckPerf() {
    }

    static List<Perf> of(Evaluation ev, RuleSet rules, RuleEvaluator evaluator, SeriesSource source) {
        List<Perf> out = new ArrayList<>();
        for (Severity s : new Severity[] {Severity.CRITICAL, Severity.WARNING, Severity.UNKNOWN}) {
            long n = ev.findings().stream().filter(f -> f.severity() == s).count();
            out.add(new Perf(s.name().toLowerCase(java.util.Locale.ROOT), n, "", "", "", "0", ""));
        }
        for (Finding f : ev.problems()) {
            Rule rule = rules.find(f.ruleId());
            var p = f.projection();
            if (rule == null || p.value() == null) {
                continue;
            }
            SeriesKey key = p.series();
            String label = label(rule.id(), key);
            String uom = key.name().endsWith("_bytes") ? "B" : key.name().endsWith("_seconds") ? "s" : "";
            Double[] levels = source == null ? new Double[2] : evaluator.presentLevels(rule, key, source, ev.atMillis());
            out.add(new Perf(label, p.value(), uom, range(levels[0], rule.direction()), range(levels[1], rule.direction()),
                    key.name().endsWith("_celsius") ? "" : "0", ""));
            if (p.etaMillis() != null) {
                double days = Math.max(0, (p.etaMillis() - ev.atMillis()) / DAY);
                out.add(new Perf(label + " days", Math.round(days * 10) / 10.0, "",
                        rule.warningMillis() > 0 ? days(rule.warningMillis()) : "",
                        rule.criticalMillis() > 0 ? days(rule.criticalMillis()) : "", "0", ""));
            }
        }
        return out;
    }

    /** {@code fs-space:/var}: the rule and the series' label values, short enough for a graph legend. */
    static String label(String ruleId, SeriesKey key) {
        if (key.labels().isEmpty()) {
            return ruleId;
        }
        StringBuilder sb = new StringBuilder(ruleId).append(':');
        String main = key.label("mount") != null ? key.label("mount") : key.label("disk") != null ? key.label("disk")
                : key.label("iface") != null ? key.label("iface") : null;
        if (main != null) {
            return sb.append(main).toString();
        }
        sb.append(String.join(",", key.labels().values()));
        return sb.toString();
    }

    private static String range(Double level, Direction dir) {
        if (level == null) {
            return "";
        }
        String n = CheckText.number(level);
        return dir == Direction.DOWN ? n + ":" : n;
    }

    /** A horizon as a Nagios range that alerts below it: {@code 14:}. */
    private static String days(long horizonMillis) {
        return CheckText.number(horizonMillis / DAY) + ":";
    }
}
