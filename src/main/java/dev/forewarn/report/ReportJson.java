package dev.forewarn.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forewarn.forecast.BacktestSummary;
import dev.forewarn.series.Times;

/**
 * The report as JSON: the same content as the documents, for machines, and the block embedded
 * in every format so {@code report --verify} can read any of them. Findings use
 * {@link ProjectionJson}'s shape, with {@code recommendation}, {@code predict_linear} and
 * {@code data} added. Times ISO-8601 UTC, durations in days.
 */
public final class ReportJson {

    /** Marks the JSON block inside HTML, Markdown and PDF. */
    public static final String EMBED_ID = "forewarn-report";
    /** Name of the file attached to a PDF. */
    public static final String PDF_ATTACHMENT = "forewarn-report.json";

    private static final double DAY_MILLIS = 86_400_000.0;

    private ReportJson() {
    }

    /** The whole report. */
    public static ObjectNode toJson(Report r) {
        ObjectNode o = ProjectionJson.MAPPER.createObjectNode();
        o.put("report", "forewarn evidence report");
        o.put("version", 1);
        o.put("host", r.host());
        o.put("generated", Times.iso(r.generatedMillis()));
        o.put("at", Times.iso(r.atMillis()));
        o.put("since", Times.iso(r.sinceMillis()));
        o.put("confidence", r.confidence());
        o.put("runway_days", r.runwayMillis() / DAY_MILLIS);
        o.put("lead_time_days", r.leadTimeMillis() / DAY_MILLIS);
        o.put("zone", r.zone().getId());
        o.put("demo", r.demo());
        ObjectNode made = o.putObject("made_by");
        made.put("forewarn_version", r.provenance().version());
        made.put("commit", r.provenance().commit());
        made.put("rules_sha256", r.provenance().rulesSha256());
        if (r.provenance().rulesFile() == null) {
            made.putNull("rules_file");
        } else {
            made.put("rules_file", r.provenance().rulesFile());
        }
        ArrayNode sel = o.putArray("selectors");
        r.selectors().forEach(sel::add);
        if (r.checked().status() == null) {
            o.putNull("status");
        } else {
            o.put("status", r.checked().status().name());
        }
        ObjectNode learning = o.putObject("learning");
        learning.put("series", r.checked().learning().count());
        if (r.checked().learning().soonestSeconds() == null) {
            learning.putNull("needs_more_seconds");
        } else {
            learning.put("needs_more_seconds", r.checked().learning().soonestSeconds());
        }
        ArrayNode pending = o.putArray("pending");
        r.checked().pending().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> pending.addObject().put("finding", e.getKey()).put("severity", e.getValue().name()));
        ArrayNode memory = o.putArray("guard_memory");
        r.checked().memory().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e -> {
            var m = e.getValue();
            memory.addObject().put("finding", e.getKey()).put("pending", m.pending().name()).put("count", m.count())
                    .put("since", m.sinceMillis()).put("raised", m.raised().name()).put("raised_at", m.raisedMillis())
                    .put("updated", m.updatedMillis());
        });
        Verdict v = Verdict.of(r);
        ObjectNode verdict = o.putObject("verdict");
        verdict.put("summary", v.summary());
        ArrayNode lines = verdict.putArray("lines");
        for (Verdict.Line l : v.lines()) {
            lines.addObject().put("severity", l.severity().name()).put("label", l.badge()).put("headline", l.headline()).put("action", l.action());
        }
        ArrayNode findings = o.putArray("findings");
        for (ReportItem i : r.items()) {
            findings.add(item(i));
        }
        ArrayNode track = o.putArray("track_record");
        for (TrackRecordEntry t : r.trackRecord()) {
            ObjectNode e = track.addObject();
            e.put("series", t.series());
            e.put("rule", t.ruleId());
            e.put("raised", Times.iso(t.raisedMillis()));
            putTime(e, "eta", t.etaMillis());
            putTime(e, "eta_low", t.etaLowMillis());
            putTime(e, "eta_high", t.etaHighMillis());
            putTime(e, "crossed", t.crossedMillis());
            e.put("outcome", t.outcome());
        }
        ObjectNode app = o.putObject("appendix");
        app.put("host", r.host());
        ArrayNode col = app.putArray("collectors");
        r.collectors().forEach(col::add);
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (ReportItem i : r.items()) {
            if (i.data().points() > 0) {
                from = Math.min(from, i.data().fromMillis());
                to = Math.max(to, i.data().toMillis());
            }
        }
        putTime(app, "from", from == Long.MAX_VALUE ? null : from);
        putTime(app, "to", to == Long.MIN_VALUE ? null : to);
        app.put("points", r.totalPoints());
        app.put("sha256", r.sha256());
        return o;
    }

    /** One finding with its recommendation, predict_linear comparison and data. */
    static ObjectNode item(ReportItem i) {
        ObjectNode f = ProjectionJson.toJson(i.finding());
        Recommendation rec = i.recommendation();
        ObjectNode r = f.putObject("recommendation");
        r.put("action", rec.action());
        if (rec.amount() == null) {
            r.putNull("amount");
        } else {
            r.put("amount", rec.amount());
        }
        putTime(r, "order_by", rec.orderByMillis());
        r.put("order_by_passed", rec.orderByPassed());
        r.put("runway_days", rec.runwayMillis() / DAY_MILLIS);
        r.put("lead_time_days", rec.leadTimeMillis() / DAY_MILLIS);
        Baseline b = i.baseline();
        if (b == null) {
            f.putNull("predict_linear");
        } else {
            ObjectNode pl = f.putObject("predict_linear");
            pl.put("method", b.method());
            putTime(pl, "eta", b.etaMillis());
            BacktestSummary bt = b.backtest();
            if (bt == null) {
                pl.putNull("backtest");
            } else {
                ObjectNode x = pl.putObject("backtest");
                x.put("origins", bt.origins());
                putDouble(x, "median_abs_error_pct", bt.medianAbsErrorPct());
                putDouble(x, "coverage", bt.coverage());
                x.put("coverage_errors", bt.coverageErrors());
            }
        }
        SeriesData d = i.data();
        ObjectNode data = f.putObject("data");
        data.put("collector", d.collector());
        data.put("points", d.points());
        putTime(data, "from", d.points() == 0 ? null : d.fromMillis());
        putTime(data, "to", d.points() == 0 ? null : d.toMillis());
        data.put("sha256", d.sha256());
        return f;
    }

    /** The guard memory recorded by {@link #toJson}, by finding key, for {@code report --verify} to judge with again. */
    public static java.util.Map<String, dev.forewarn.rules.FindingState.Entry> guardMemory(JsonNode report) {
        java.util.Map<String, dev.forewarn.rules.FindingState.Entry> out = new java.util.HashMap<>();
        for (JsonNode m : report.path("guard_memory")) {
            out.put(m.path("finding").asText(), new dev.forewarn.rules.FindingState.Entry(
                    dev.forewarn.rules.Severity.valueOf(m.path("pending").asText("OK")), m.path("count").asInt(),
                    m.path("since").asLong(), dev.forewarn.rules.Severity.valueOf(m.path("raised").asText("OK")),
                    m.path("raised_at").asLong(), m.path("updated").asLong()));
        }
        return out;
    }

    /** Compact JSON text safe to embed in HTML, XML comments and Markdown: no {@code <}, {@code >} or {@code &} appear literally. */
    public static String embeddable(JsonNode n) {
        String s = n.toString();
        // these only occur inside JSON strings, where the \\u escapes mean the same characters
        s = s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        // and a bidirectional override in a label would reverse what a terminal shows of the file
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (dev.forewarn.series.SafeText.unsafe(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static void putTime(ObjectNode o, String field, Long millis) {
        if (millis == null) {
            o.putNull(field);
        } else {
            o.put(field, Times.iso(millis));
        }
    }

    private static void putDouble(ObjectNode o, String field, Double v) {
        if (v == null || v.isNaN() || v.isInfinite()) {
            o.putNull(field);
        } else {
            o.put(field, v);
        }
    }
}
