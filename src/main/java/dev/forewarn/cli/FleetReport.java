package dev.forewarn.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forewarn.fleet.FleetEvaluation;
import dev.forewarn.fleet.InstanceResult;
import dev.forewarn.forecast.Projection;
import dev.forewarn.report.FleetSummary;
import dev.forewarn.report.HtmlReport;
import dev.forewarn.report.ProjectionJson;
import dev.forewarn.report.Recommendation;
import dev.forewarn.report.Recommendations;
import dev.forewarn.report.Report;
import dev.forewarn.report.ReportBuilder;
import dev.forewarn.report.ReportJson;
import dev.forewarn.report.ReportText;
import dev.forewarn.rules.Finding;
import dev.forewarn.rules.Severity;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.series.Times;
import dev.forewarn.series.Units;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The fleet's report: a summary first (which hosts run out of what, when, what to buy by when,
 * and the total capacity to add), then every host's findings through the single-host report
 * renderers, each series labelled with its {@code instance}. Used by {@code report --prometheus}
 * and by {@code serve}'s {@code /} and {@code /report.json}.
 *
 * @param runwayMillis   the headroom the amounts buy, milliseconds
 * @param leadTimeMillis procurement lead time, milliseconds
 * @param zone           zone for dates in text
 * @param culprits       the process behind a memory finding, in words ({@link dev.forewarn.report.Culprit}), or null when none is
 *                       known: a local store's processes can be read, a Prometheus fleet's cannot (node_exporter has no per-process memory)
 */
record FleetReport(long runwayMillis, long leadTimeMillis, ZoneId zone, Function<Finding, String> culprits) {

    /** A fleet whose processes cannot be read: no culprit is named. */
    FleetReport(long runwayMillis, long leadTimeMillis, ZoneId zone) {
        this(runwayMillis, leadTimeMillis, zone, f -> null);
    }

    /**
     * One row of the summary.
     *
     * @param instance the host
     * @param finding  its finding, worse than OK
     * @param rec      what it takes
     */
    record Row(String instance, Finding finding, Recommendation rec) {
    }

    /** The rows, worst host first, then each host's findings worst first. */
    List<Row> rows(FleetEvaluation ev) {
        List<Row> out = new ArrayList<>();
        for (InstanceResult r : ev.instances()) {
            for (Finding f : r.problems()) {
                out.add(new Row(r.instance(), f, Recommendations.of(f, runwayMillis, leadTimeMillis, zone, culprits.apply(f))));
            }
        }
        return out;
    }

    /** Capacity to add, by unit ("B" for bytes), over every row that has an amount. */
    Map<String, Double> totals(List<Row> rows) {
        Map<String, Double> t = new TreeMap<>();
        for (Row r : rows) {
            if (r.rec().amount() != null && r.rec().amount() > 0) {
                t.merge(unit(r.finding().projection().series()), r.rec().amount(), Double::sum);
            }
        }
        return t;
    }

    private static String unit(SeriesKey k) {
        return k.name().endsWith("_bytes") ? "bytes" : k.name();
    }

    private static String amount(String unit, double v) {
        return unit.equals("bytes") ? Units.bytes(v) : Units.plain(v) + " (" + unit + ")";
    }

    /** The single-host report model over the whole fleet: each finding's series carries its {@code instance}. */
    Report report(FleetEvaluation ev, long generatedMillis, double confidence) {
        List<Finding> findings = new ArrayList<>();
        Map<SeriesKey, Series> history = new HashMap<>();
        for (InstanceResult r : ev.instances()) {
            for (Finding f : r.findings()) {
                if (f.severity() == Severity.OK && f.projection().etaMillis() == null) {
                    continue;
                }
                SeriesKey k = f.projection().series();
                SeriesKey withInstance = k.withLabel("instance", r.instance());
                findings.add(new Finding(f.ruleId(), f.source(), f.severity(), r.instance() + ": " + f.message(),
                        withSeries(f.projection(), withInstance)));
                Series s = r.evidence().get(k);
                history.put(withInstance, s == null ? Series.empty(withInstance)
                        : new Series(withInstance, s.timesMillis(), s.values()));
            }
        }
        long since = ev.instances().stream().flatMap(r -> r.evidence().values().stream()).filter(s -> !s.isEmpty())
                .mapToLong(Series::firstMillis).min().orElse(ev.atMillis());
        return new ReportBuilder().host(hostLine(ev)).demo(ev.demo()).generatedMillis(generatedMillis).atMillis(ev.atMillis())
                .sinceMillis(Math.min(since, ev.atMillis() - 1)).confidence(confidence).runwayMillis(runwayMillis)
                .leadTimeMillis(leadTimeMillis).selectors(List.of()).zone(zone).fleet(summary(ev)).culprits(culprits)
                .build(findings, k -> history.getOrDefault(k, Series.empty(k)));
    }

    private static String hostLine(FleetEvaluation ev) {
        return "fleet of " + ev.instances().size() + (ev.instances().size() == 1 ? " instance" : " instances")
                + (ev.source().isEmpty() ? "" : " from " + ev.source());
    }

    static Projection withSeries(Projection p, SeriesKey k) {
        return p.withSeries(k);
    }

    /** The HTML page: the existing report, which draws the fleet summary before its verdict. */
    String html(FleetEvaluation ev, long generatedMillis, double confidence) {
        return HtmlReport.render(report(ev, generatedMillis, confidence));
    }

    /** The summary as the report model carries it: every renderer draws these words. */
    FleetSummary summary(FleetEvaluation ev) {
        List<Row> rows = rows(ev);
        List<FleetSummary.Row> out = new ArrayList<>();
        for (Row r : rows) {
            Projection p = r.finding().projection();
            out.add(new FleetSummary.Row(r.instance(), r.finding().severity().name(), ReportText.resource(p.series()), when(p),
                    r.rec().orderByMillis() == null ? "—" : ReportText.day(r.rec().orderByMillis(), zone)
                            + (r.rec().orderByPassed() ? " (passed)" : ""),
                    r.rec().amount() == null ? "—" : amount(unit(p.series()), r.rec().amount())));
        }
        Map<String, Double> totals = totals(rows);
        String total = null;
        if (!totals.isEmpty()) {
            List<String> parts = new ArrayList<>();
            totals.forEach((u, v) -> parts.add(amount(u, v)));
            total = "Total capacity to add for " + days(runwayMillis) + " of headroom: " + String.join(", ", parts) + ".";
        }
        return new FleetSummary(FleetCheck.counts(ev) + failedText(ev), out, total);
    }

    private String when(Projection p) {
        if (p.etaMillis() == null) {
            return p.value() == null ? "now" : "now (past the level)";
        }
        return ReportText.eta(p, zone) + " (" + ReportText.percent(p.confidence()) + ": "
                + ReportText.interval(p, zone) + ")";
    }

    private static String failedText(FleetEvaluation ev) {
        List<InstanceResult> failed = ev.failed();
        return failed.isEmpty() ? "" : "; could not be read: " + String.join(", ", failed.stream().map(InstanceResult::instance).toList());
    }

    private static String days(long millis) {
        return Times.human(java.time.Duration.ofMillis(millis));
    }

    /** The report JSON with a {@code fleet} object first: counts, failed instances, the summary rows and totals. */
    ObjectNode json(FleetEvaluation ev, long generatedMillis, double confidence) {
        ObjectNode o = ProjectionJson.MAPPER.createObjectNode();
        ObjectNode fleet = o.putObject("fleet");
        fleet.put("status", ev.status().name());
        fleet.put("at", Times.iso(ev.atMillis()));
        fleet.put("source", ev.source());
        fleet.put("instances", ev.instances().size());
        ObjectNode counts = fleet.putObject("counts");
        ev.counts().forEach((k, v) -> counts.put(k.name(), v));
        ArrayNode failed = fleet.putArray("failed");
        ev.failed().forEach(r -> failed.addObject().put("instance", r.instance()).put("error", r.error()));
        ArrayNode rows = fleet.putArray("summary");
        List<Row> rs = rows(ev);
        for (Row r : rs) {
            Projection p = r.finding().projection();
            ObjectNode x = rows.addObject();
            x.put("instance", r.instance());
            x.put("severity", r.finding().severity().name());
            x.put("rule", r.finding().ruleId());
            x.put("series", p.series().toString());
            x.put("resource", ReportText.resource(p.series()));
            putTime(x, "eta", p.etaMillis());
            putTime(x, "eta_low", p.etaLowMillis());
            putTime(x, "eta_high", p.etaHighMillis());
            putTime(x, "order_by", r.rec().orderByMillis());
            if (r.rec().amount() == null) {
                x.putNull("capacity_to_add");
            } else {
                x.put("capacity_to_add", r.rec().amount());
            }
        }
        ObjectNode totals = fleet.putObject("capacity_to_add");
        totals(rs).forEach(totals::put);
        o.set("report", ReportJson.toJson(report(ev, generatedMillis, confidence)));
        return o;
    }

    private static void putTime(ObjectNode o, String field, Long millis) {
        if (millis == null) {
            o.putNull(field);
        } else {
            o.put(field, Times.iso(millis));
        }
    }
}
