package dev.forewarn.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forewarn.forecast.BacktestSummary;
import dev.forewarn.forecast.Fit;
import dev.forewarn.forecast.Projection;
import dev.forewarn.rules.Finding;
import dev.forewarn.series.Times;

/**
 * The one mapping of projections and findings to the JSON shapes of DESIGN.md, used by
 * {@code forecast}, {@code check} and {@code report}. Times are ISO-8601 UTC; unknown values
 * are JSON null, never invented.
 */
public final class ProjectionJson {

    /** Shared mapper; thread-safe once configured. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private ProjectionJson() {
    }

    /** The projection object: series, at, value, threshold, direction, eta*, confidence, method, reason, fit, backtest, data_sha256. */
    public static ObjectNode toJson(Projection p) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("series", p.series().toString());
        o.put("at", Times.iso(p.atMillis()));
        putNumber(o, "value", p.value());
        putNumber(o, "threshold", p.threshold());
        // the threshold as written, beside the number it resolved to: "100 GiB (107 GB)", "5% of fs.size_bytes (12 GB)"
        o.put("threshold_text", p.thresholdShown());
        o.put("direction", p.direction().label());
        putTime(o, "eta", p.etaMillis());
        putTime(o, "eta_low", p.etaLowMillis());
        putTime(o, "eta_high", p.etaHighMillis());
        o.put("confidence", p.confidence());
        o.put("method", p.method());
        o.put("reason", p.reason());
        Fit f = p.fit();
        if (f == null) {
            o.putNull("fit");
        } else {
            ObjectNode fit = o.putObject("fit");
            fit.put("samples", f.samples());
            fit.put("from", Times.iso(f.fromMillis()));
            fit.put("to", Times.iso(f.toMillis()));
            putNumber(fit, "slope_per_day", f.slopePerDay());
            putNumber(fit, "r2", f.r2());
            putNumber(fit, "residual_sd", f.residualSd());
        }
        BacktestSummary b = p.backtest();
        if (b == null) {
            o.putNull("backtest");
        } else {
            ObjectNode bt = o.putObject("backtest");
            bt.put("origins", b.origins());
            putNumber(bt, "median_abs_error_pct", b.medianAbsErrorPct());
            putNumber(bt, "coverage", b.coverage());
            bt.put("coverage_errors", b.coverageErrors());
        }
        o.put("data_sha256", p.dataSha256());
        o.put("state", p.state());
        if (p.needsMoreSeconds() == null) {
            o.putNull("needs_more_seconds");
        } else {
            o.put("needs_more_seconds", p.needsMoreSeconds());
        }
        if (p.path() == null) {
            o.putNull("path");
        } else {
            ObjectNode path = o.putObject("path");
            var times = path.putArray("times");
            var med = path.putArray("median");
            var lo = path.putArray("low");
            var hi = path.putArray("high");
            for (int i = 0; i < p.path().timesMillis().length; i++) {
                times.add(Times.iso(p.path().timesMillis()[i]));
                med.add(p.path().median()[i]);
                lo.add(p.path().low()[i]);
                hi.add(p.path().high()[i]);
            }
        }
        return o;
    }

    /** A finding: its projection's object plus rule, severity, message and the rule's source. */
    public static ObjectNode toJson(Finding f) {
        ObjectNode o = toJson(f.projection());
        o.put("rule", f.ruleId());
        o.put("severity", f.severity().name());
        o.put("message", f.message());
        o.put("rule_source", f.source() == null ? null : f.source().toString());
        return o;
    }

    private static void putTime(ObjectNode o, String field, Long millis) {
        if (millis == null) {
            o.putNull(field);
        } else {
            o.put(field, Times.iso(millis));
        }
    }

    private static void putNumber(ObjectNode o, String field, Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            o.putNull(field);
        } else if (value == Math.rint(value) && Math.abs(value) < 9.0e15) {
            o.put(field, value.longValue());
        } else {
            o.put(field, value);
        }
    }
}
