package dev.forewarn.fleet;

import dev.forewarn.forecast.Projection;
import dev.forewarn.rules.Finding;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The forecasts as Prometheus metrics, one data point per series judged, labelled with the
 * series' own labels, {@code instance} (the host) and {@code rule}:
 *
 * <table>
 *   <caption>metrics</caption>
 *   <tr><th>name</th><th>value</th></tr>
 *   <tr><td>{@code forewarn_eta_timestamp_seconds}</td><td>the projected crossing, epoch seconds (only where there is one)</td></tr>
 *   <tr><td>{@code forewarn_eta_low_timestamp_seconds}, {@code forewarn_eta_high_timestamp_seconds}</td>
 *       <td>the early and late bounds of its interval, epoch seconds (where known)</td></tr>
 *   <tr><td>{@code forewarn_finding_severity}</td><td>0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN, for every finding</td></tr>
 *   <tr><td>{@code forewarn_last_evaluation_timestamp_seconds}</td><td>when the evaluation ran, epoch seconds</td></tr>
 *   <tr><td>{@code forewarn_evaluation_duration_seconds}</td><td>how long it took, seconds</td></tr>
 *   <tr><td>{@code forewarn_instance_read_success}</td><td>1 when the instance's history could be read, else 0 (label {@code instance})</td></tr>
 * </table>
 *
 * <p>Labels of the series that are not valid Prometheus label names are written with {@code _}
 * for each invalid character. The snapshot is built once per evaluation, never during a scrape.
 */
public final class ForecastMetrics {

    private ForecastMetrics() {
    }

    /** The snapshot of one evaluation. */
    public static MetricSnapshots of(FleetEvaluation ev) {
        GaugeSnapshot.Builder eta = gauge("forewarn_eta_timestamp_seconds",
                "When the series is projected to reach the rule's threshold (median), epoch seconds");
        GaugeSnapshot.Builder low = gauge("forewarn_eta_low_timestamp_seconds",
                "Early bound of the projected crossing's interval, epoch seconds");
        GaugeSnapshot.Builder high = gauge("forewarn_eta_high_timestamp_seconds",
                "Late bound of the projected crossing's interval, epoch seconds");
        GaugeSnapshot.Builder severity = gauge("forewarn_finding_severity",
                "The rule's verdict on the series: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN");
        GaugeSnapshot.Builder read = gauge("forewarn_instance_read_success",
                "1 when the instance's history could be read for the last evaluation, else 0");
        Set<Labels> seen = new HashSet<>();
        for (InstanceResult r : ev.instances()) {
            read.dataPoint(point(r.error() == null ? 1 : 0, Labels.of("instance", r.instance())));
            for (Finding f : r.findings()) {
                Labels labels = labels(r.instance(), f);
                if (!seen.add(labels)) {
                    continue; // one point per series and rule: the first (worst) finding wins
                }
                Projection p = f.projection();
                severity.dataPoint(point(f.severity().exitCode(), labels));
                if (p.etaMillis() != null) {
                    eta.dataPoint(point(p.etaMillis() / 1000.0, labels));
                }
                if (p.etaLowMillis() != null) {
                    low.dataPoint(point(p.etaLowMillis() / 1000.0, labels));
                }
                if (p.etaHighMillis() != null) {
                    high.dataPoint(point(p.etaHighMillis() / 1000.0, labels));
                }
            }
        }
        GaugeSnapshot.Builder last = gauge("forewarn_last_evaluation_timestamp_seconds",
                "When the last evaluation judged the fleet, epoch seconds");
        last.dataPoint(point(ev.atMillis() / 1000.0, Labels.EMPTY));
        GaugeSnapshot.Builder took = gauge("forewarn_evaluation_duration_seconds", "How long the last evaluation took, seconds");
        took.dataPoint(point(ev.durationMillis() / 1000.0, Labels.EMPTY));
        return MetricSnapshots.of(eta.build(), low.build(), high.build(), severity.build(), read.build(), last.build(), took.build());
    }

    /** The same metrics in the Prometheus text format (node_exporter's textfile collector reads it). */
    public static void write(MetricSnapshots snapshots, OutputStream out) throws IOException {
        PrometheusTextFormatWriter.create().write(out, snapshots);
    }

    private static GaugeSnapshot.Builder gauge(String name, String help) {
        return GaugeSnapshot.builder().name(name).help(help);
    }

    private static GaugeDataPointSnapshot point(double v, Labels labels) {
        return GaugeDataPointSnapshot.builder().value(v).labels(labels).build();
    }

    /** The series' labels, {@code instance} and {@code rule}; a series label of either name yields to them. */
    static Labels labels(String instance, Finding f) {
        Map<String, String> m = new TreeMap<>();
        for (Map.Entry<String, String> e : f.projection().series().labels().entrySet()) {
            m.put(labelName(e.getKey()), e.getValue());
        }
        m.put("instance", instance);
        m.put("rule", f.ruleId());
        List<String> names = new ArrayList<>(m.keySet());
        List<String> values = new ArrayList<>(m.values());
        return Labels.of(names, values);
    }

    static String labelName(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9';
            sb.append(ok ? c : '_');
        }
        String out = sb.toString();
        return out.startsWith("__") ? "x" + out : out;
    }
}
