package dev.forewarn.report;

import dev.forewarn.series.Units;
import dev.forewarn.forecast.BacktestSummary;
import dev.forewarn.forecast.Fit;
import dev.forewarn.forecast.ProjectionText;
import dev.forewarn.forecast.Projection;
import dev.forewarn.rules.Finding;
import dev.forewarn.series.Times;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The evidence table of one finding as label/value pairs, shared by every format so they all
 * show the same figures: present value, threshold, crossing and interval, method and why, fit,
 * backtest beside predict_linear, rule and where it is defined, and the data behind it.
 */
public final class FindingFacts {

    /**
     * One row.
     *
     * @param label what the value is
     * @param value the value, plain text (renderers escape it)
     */
    public record Fact(String label, String value) {

        /** Whether the value is a hash, drawn in monospace. */
        public boolean isHash() {
            return label.startsWith("SHA");
        }

        /** A hash fact's hash: the value up to its first space (all of it without one). */
        public String hash() {
            int space = value.indexOf(' ');
            return space < 0 ? value : value.substring(0, space);
        }

        /** A hash fact's words after the hash (" (the points of the 120 days up to ...)"), or "". */
        public String afterHash() {
            return value.substring(hash().length());
        }
    }

    private FindingFacts() {
    }

    /** The rows for one item of a report: a finding the flapping guard holds back names its rule "pending". */
    public static List<Fact> of(Report r, ReportItem item) {
        List<Fact> out = new ArrayList<>(of(item, r.zone()));
        var held = r.pendingOf(item.finding());
        if (held != null) {
            Finding f = item.finding();
            out.replaceAll(x -> x.label().equals("Rule") ? new Fact("Rule", f.ruleId() + " (pending " + held.name()
                    + ": not raised by check yet), defined in " + (f.source() == null ? "unknown" : f.source().toString())) : x);
        }
        return out;
    }

    /** The rows for one item, dates in {@code zone}. */
    public static List<Fact> of(ReportItem item, ZoneId zone) {
        Finding f = item.finding();
        Projection p = f.projection();
        if (isPresentValue(p)) {
            return presentValue(item, zone);
        }
        Units u = Units.ofProjected(p.series());
        List<Fact> out = new ArrayList<>();
        out.add(new Fact("Series", p.series().toString()));
        out.add(new Fact("Present value", p.value() == null ? "unknown" : u.format(p.value())
                + " at " + Times.local(measuredMillis(item), zone)));
        out.add(new Fact("Threshold", p.thresholdShown() + ", " + (p.direction().label().equals("down") ? "falling to it" : "rising to it")));
        if (p.hasEta()) {
            out.add(new Fact("Projected crossing", ReportText.eta(p, zone) + (p.etaMillis() > p.atMillis()
                    ? ", in " + ReportText.span(p.etaMillis() - p.atMillis()) : ", " + ReportText.span(p.atMillis() - p.etaMillis()) + " ago")));
            out.add(new Fact(ReportText.percent(p.confidence()) + " interval", ReportText.interval(p, zone)));
        } else {
            out.add(new Fact("Projected crossing", "none within the horizon"));
        }
        out.add(new Fact("Method", method(p, item.data())));
        out.add(new Fact(p.hasEta() ? "Why this method" : "Why no date", nz(p.reason())));
        Fit fit = p.fit();
        if (fit != null) {
            out.add(new Fact("Fit", fit(p, item.data(), zone)));
        }
        out.add(new Fact("Backtest on this series' past", backtest(p.backtest(), p.confidence())));
        Baseline b = item.baseline();
        if (b != null) {
            String eta = b.etaMillis() == null ? "no crossing" : "crossing " + ReportText.day(b.etaMillis(), zone);
            out.add(new Fact("predict_linear", b.method() + ": " + eta + (b.backtest() == null ? "" : "; backtest " + backtest(b.backtest(), p.confidence()))));
        }
        out.add(rule(f));
        out.add(data(item, zone));
        out.add(new Fact("SHA-256 of these points", item.data().sha256()));
        if (p.dataSha256() != null && !p.dataSha256().equals(item.data().sha256())) {
            // the forecast reads its own span of history, the chart shows the report's period: two sets of points, two hashes
            out.add(new Fact("SHA-256 of the points the forecast read", p.dataSha256() + " (the points of the "
                    + ReportText.span(dev.forewarn.forecast.ForecastEngine.HISTORY_MILLIS) + " up to " + ReportText.dayTime(p.atMillis(), zone) + ")"));
        }
        return out;
    }

    /**
     * A verdict on the present value (a count that grew, a level crossed): no projection, so no
     * crossing, method or backtest rows; instead what changed, from when, against what limit.
     */
    static List<Fact> presentValue(ReportItem item, ZoneId zone) {
        Finding f = item.finding();
        Projection p = f.projection();
        Units u = Units.ofProjected(p.series());
        List<Fact> out = new ArrayList<>();
        out.add(new Fact("Series", p.series().toString()));
        out.add(new Fact("Present value", p.value() == null ? "unknown" : u.format(p.value()) + " at " + ReportText.dayTime(measuredMillis(item), zone)));
        boolean growth = p.reason() != null && p.reason().startsWith("a non-zero count that grew");
        Long since = p.value() == null || Double.isNaN(p.threshold()) ? null
                : growth ? firstAbove(item, 0) : firstOfRunBeyond(item, p.threshold(), p.direction());
        if (growth) {
            String within = p.reason().substring("a non-zero count that grew".length()).strip();
            out.add(new Fact("What changed", "rose from " + u.format(p.threshold()) + " to " + u.format(p.value()) + " " + within
                    + (since == null ? "" : "; above zero since " + ReportText.dayTime(since, zone))));
            out.add(new Fact("Limit", "any growth of a count that should stay at zero: the rule raises its verdict when it "
                    + p.reason().substring("a non-zero count that ".length())));
        } else {
            out.add(new Fact("What changed", (p.direction().label().equals("down") ? "below " : "above ") + "the limit"
                    + (since == null ? "" : " since " + ReportText.dayTime(since, zone))));
            // the reason names the level as written ("past the critical level 200% of cpu.cores"): the figure is what it came to
            // the level in its written form where there is one ("4 (200% of 2 cores)"): a bare "4" beside "200% of cpu.cores" reads as 4 cores
            out.add(new Fact("Limit", (Double.isNaN(p.threshold()) ? "" : p.thresholdShown() + ": ") + nz(p.reason())));
        }
        out.add(new Fact("Judged on", "the present value against the rule's level; no projection"));
        out.add(rule(f));
        out.add(data(item, zone));
        out.add(new Fact("SHA-256 of these points", item.data().sha256()));
        return out;
    }

    /**
     * When the present value was measured: the series' newest point, which can be older than the
     * time the report is judged at (a collector that stopped, a sample skipped), else that time.
     */
    static long measuredMillis(ReportItem item) {
        long at = item.finding().projection().atMillis();
        return item.data().points() > 0 && item.data().toMillis() <= at ? item.data().toMillis() : at;
    }

    /** A finding judged on its present value: no fit and no date. */
    public static boolean isPresentValue(Projection p) {
        return p.fit() == null && !p.hasEta() && "present value".equals(p.method());
    }

    /** The time of the first point above {@code level} in the points of the report, or null. */
    private static Long firstAbove(ReportItem item, double level) {
        var h = item.history();
        for (int i = 0; i < h.size(); i++) {
            if (h.value(i) > level) {
                return h.timeMillis(i);
            }
        }
        return null;
    }

    /** Since when the points are beyond {@code level} without a break; null when the last one is not. */
    private static Long firstOfRunBeyond(ReportItem item, double level, dev.forewarn.forecast.Direction d) {
        var h = item.history();
        Long since = null;
        for (int i = h.size() - 1; i >= 0; i--) {
            double v = h.value(i);
            if (Double.isNaN(v)) {
                continue;
            }
            if (d == dev.forewarn.forecast.Direction.DOWN ? v <= level : v >= level) {
                since = h.timeMillis(i);
            } else {
                break;
            }
        }
        return since;
    }

    private static Fact rule(Finding f) {
        // an OK rule beside a dated crossing is the PLAN badge: say why it is not an alert, not a bare "OK"
        String verdict = ReportText.badge(f).equals("PLAN") ? "OK: not alerting yet, so listed to plan for" : f.severity().name();
        return new Fact("Rule", f.ruleId() + " (" + verdict + "), defined in " + (f.source() == null ? "unknown" : f.source().toString()));
    }

    private static Fact data(ReportItem item, ZoneId zone) {
        return new Fact("Data in this report", String.format(Locale.ROOT, "%,d points from %s collector, %s to %s", item.data().points(), item.data().collector(),
                item.data().points() == 0 ? "-" : when(item.data().fromMillis(), item.data(), zone),
                item.data().points() == 0 ? "-" : when(item.data().toMillis(), item.data(), zone)));
    }

    /** A day, or a day and time when the data spans less than two days ("Tue 1 Dec 2026 to Tue 1 Dec 2026" said nothing). */
    private static String when(long millis, SeriesData data, ZoneId zone) {
        return data.toMillis() - data.fromMillis() < 2 * 86_400_000L ? ReportText.dayTime(millis, zone) : ReportText.day(millis, zone);
    }

    /**
     * The method as the engine names it, where "all N days of history" means all it was handed
     * (at most the fit window): beside a chart of more history it says "the last N days (the fit window)".
     */
    /**
     * The Fit row: what was fitted (points, or a sawtooth's cycle peaks), over which dates, and
     * when the fit starts before this report's data, that the forecast read further back.
     */
    static String fit(Projection p, SeriesData data, ZoneId zone) {
        Fit fit = p.fit();
        Units u = Units.ofProjected(p.series());
        boolean peaks = p.method() != null && p.method().startsWith("envelope");
        String earlier = data != null && data.points() > 0 && fit.fromMillis() < data.fromMillis()
                ? " (before this report's data: the forecast reads the last " + ReportText.span(dev.forewarn.forecast.ForecastEngine.HISTORY_MILLIS) + ")" : "";
        return String.format(Locale.ROOT, "%,d %s from %s%s to %s; trend %s; R² %s; residual spread %s",
                fit.samples(), peaks ? (fit.samples() == 1 ? "cycle peak" : "cycle peaks") : "points",
                ReportText.day(fit.fromMillis(), zone), earlier, ReportText.day(fit.toMillis(), zone),
                u.perDay(fit.slopePerDay()), fit.r2() == null ? "n/a" : String.format(Locale.ROOT, "%.3f", fit.r2()),
                fit.residualSd() == null ? "n/a" : u.format(fit.residualSd()));
    }

    static String method(Projection p, SeriesData data) {
        String m = nz(p.method());
        int over = m.indexOf(" over ");
        if (over > 0 && !m.startsWith("envelope")) {
            // the model in words, as the "why" row names the others ("robust trend", not "theil-sen")
            String model = m.substring(0, over);
            m = ProjectionText.methodWords(model) + m.substring(over);
        }
        var all = java.util.regex.Pattern.compile("all ([0-9.]+) days of history").matcher(m);
        if (all.find() && data.points() > 0) {
            double shownDays = (data.toMillis() - data.fromMillis()) / 86_400_000.0;
            if (shownDays > Double.parseDouble(all.group(1)) + 1) {
                return m.substring(0, all.start()) + "the last " + all.group(1) + " days (the fit window)" + m.substring(all.end());
            }
        }
        return m;
    }

    /**
     * The engine's backtest in its own terms: how many origins in the fit window it replayed the
     * method from, the median error of the values it then forecast (as a share of the change that
     * really followed), and how often the later errors stayed inside the rate band calibrated on
     * the earlier ones.
     */
    static String backtest(BacktestSummary b, double confidence) {
        if (b == null || b.origins() == 0) {
            return "none: the method could not be replayed on this series' past";
        }
        StringBuilder s = new StringBuilder().append("replayed from ").append(b.origins()).append(b.origins() == 1 ? " origin" : " origins")
                .append(" in the fit window");
        if (b.medianAbsErrorPct() != null) {
            s.append(String.format(Locale.ROOT, "; median value error %.1f %% of the change that followed", b.medianAbsErrorPct()));
        }
        if (b.coverage() != null) {
            // the count beside the share: "50 %" of 4 errors says much less than of 40
            s.append(String.format(Locale.ROOT, "; the %s rate band set on the earlier origins' errors held %d of %d later ones (%.0f %%)",
                    ReportText.percent(confidence), Math.round(b.coverage() * b.coverageErrors()), b.coverageErrors(), b.coverage() * 100));
        }
        return s.toString();
    }

    private static String nz(String s) {
        return s == null ? "not given" : s;
    }
}
