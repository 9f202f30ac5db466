package dev.forewarn.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a report's figures as written with the same figures recomputed, finding by finding
 * (keyed by rule and series), so {@code report --verify} can name what changed. The generation
 * time and the prose are not compared; every number, date, hash and verdict is.
 */
public final class ReportDiff {

    /** The fields of a finding compared, as JSON pointers. */
    static final List<String> FIELDS = List.of(
            "/severity", "/value", "/threshold", "/direction", "/eta", "/eta_low", "/eta_high", "/confidence", "/method",
            "/fit/samples", "/fit/from", "/fit/to", "/fit/slope_per_day", "/fit/r2", "/fit/residual_sd",
            "/backtest/origins", "/backtest/median_abs_error_pct", "/backtest/coverage", "/data_sha256",
            "/recommendation/amount", "/recommendation/order_by",
            "/predict_linear/eta", "/data/points", "/data/from", "/data/to", "/data/sha256");

    /**
     * One difference.
     *
     * @param series the series concerned, or "report" for report-wide figures
     * @param field  the figure, as a JSON pointer within the finding
     * @param was    as written in the report (JSON text; "absent" when missing)
     * @param now    as recomputed
     */
    public record Difference(String series, String field, String was, String now) {
        @Override
        public String toString() {
            return series + ": " + field.substring(1) + " was " + was + ", now " + now;
        }
    }

    private ReportDiff() {
    }

    /** Every difference between the written and the recomputed report, empty when they match. */
    public static List<Difference> compare(JsonNode written, JsonNode recomputed) {
        List<Difference> out = new ArrayList<>();
        for (String f : List.of("/host", "/at", "/status", "/appendix/points", "/appendix/sha256")) {
            add(out, "report", f, written.at(f), recomputed.at(f));
        }
        Map<String, JsonNode> a = byKey(written);
        Map<String, JsonNode> b = byKey(recomputed);
        for (Map.Entry<String, JsonNode> e : a.entrySet()) {
            JsonNode now = b.get(e.getKey());
            String series = e.getValue().path("series").asText();
            if (now == null) {
                out.add(new Difference(series, "/finding", e.getValue().path("rule").asText() + " " + e.getValue().path("severity").asText(), "absent"));
                continue;
            }
            for (String f : FIELDS) {
                add(out, series, f, e.getValue().at(f), now.at(f));
            }
        }
        for (Map.Entry<String, JsonNode> e : b.entrySet()) {
            if (!a.containsKey(e.getKey())) {
                out.add(new Difference(e.getValue().path("series").asText(), "/finding", "absent",
                        e.getValue().path("rule").asText() + " " + e.getValue().path("severity").asText()));
            }
        }
        return out;
    }

    private static Map<String, JsonNode> byKey(JsonNode report) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        for (JsonNode f : report.path("findings")) {
            m.put(f.path("rule").asText() + "\u0000" + f.path("series").asText(), f);
        }
        return m;
    }

    private static void add(List<Difference> out, String series, String field, JsonNode was, JsonNode now) {
        if (!same(was, now)) {
            out.add(new Difference(series, field, text(was), text(now)));
        }
    }

    static boolean same(JsonNode a, JsonNode b) {
        if (a.isMissingNode() || a.isNull()) {
            return b.isMissingNode() || b.isNull();
        }
        if (a.isNumber() && b.isNumber()) {
            double x = a.asDouble();
            double y = b.asDouble();
            return x == y || Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
        }
        return Objects.equals(a, b);
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() ? "absent" : n.toString();
    }
}
