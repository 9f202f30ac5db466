package dev.forewarn.report;

import dev.forewarn.series.Units;
import dev.forewarn.forecast.BacktestSummary;
import dev.forewarn.forecast.Fit;
import dev.forewarn.forecast.Projection;
import dev.forewarn.rules.Finding;
import dev.forewarn.series.Times;
import java.time.Duration;
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
    }

    private FindingFacts() {
    }

    /** The rows for one item, dates in {@code zone}. */
    public static List<Fact> of(ReportItem item, ZoneId zone) {
        Finding f = item.finding();
        Projection p = f.projection();
        Units u = Units.of(p.series().name());
        List<Fact> out = new ArrayList<>();
        out.add(new Fact("Series", p.series().toString()));
        out.add(new Fact("Present value", p.value() == null ? "unknown" : u.format(p.value())
                + " at " + Times.local(p.atMillis(), zone)));
        out.add(new Fact("Threshold", u.format(p.threshold()) + " (" + (p.direction().label().equals("down") ? "falling to it" : "rising to it") + ")"));
        if (p.hasEta()) {
            out.add(new Fact("Projected crossing", ReportText.day(p.etaMillis(), zone) + ", in "
                    + Times.human(Duration.ofMillis(p.etaMillis() - p.atMillis()))));
            out.add(new Fact(ReportText.percent(p.confidence()) + " interval", ReportText.interval(p.etaLowMillis(), p.etaHighMillis(), zone)));
        } else {
            out.add(new Fact("Projected crossing", "none within the horizon"));
        }
        out.add(new Fact("Method", nz(p.method())));
        out.add(new Fact(p.hasEta() ? "Why this method" : "Why no date", nz(p.reason())));
        Fit fit = p.fit();
        if (fit != null) {
            out.add(new Fact("Fit", String.format(Locale.ROOT, "%,d points from %s to %s; trend %s; R² %s; residual spread %s",
                    fit.samples(), ReportText.day(fit.fromMillis(), zone), ReportText.day(fit.toMillis(), zone),
                    u.perDay(fit.slopePerDay()), fit.r2() == null ? "n/a" : String.format(Locale.ROOT, "%.3f", fit.r2()),
                    fit.residualSd() == null ? "n/a" : u.format(fit.residualSd()))));
        }
        out.add(new Fact("Backtest (this method)", backtest(p.backtest())));
        Baseline b = item.baseline();
        if (b != null) {
            String eta = b.etaMillis() == null ? "no crossing" : "crossing " + ReportText.day(b.etaMillis(), zone);
            out.add(new Fact("predict_linear", b.method() + ": " + eta + (b.backtest() == null ? "" : "; backtest " + backtest(b.backtest()))));
        }
        out.add(new Fact("Rule", f.ruleId() + " (" + f.severity().name() + "), defined in " + (f.source() == null ? "unknown" : f.source().toString())));
        out.add(new Fact("Data", String.format(Locale.ROOT, "%,d points from %s collector, %s to %s", item.data().points(), item.data().collector(),
                item.data().points() == 0 ? "-" : ReportText.day(item.data().fromMillis(), zone),
                item.data().points() == 0 ? "-" : ReportText.day(item.data().toMillis(), zone))));
        out.add(new Fact("SHA-256 of the points", item.data().sha256()));
        return out;
    }

    /** A backtest in words: "12 past forecasts, median error 8.5 %, interval held 83 % of the time". */
    static String backtest(BacktestSummary b) {
        if (b == null || b.origins() == 0) {
            return "not enough history to replay";
        }
        StringBuilder s = new StringBuilder().append(b.origins()).append(" past forecasts");
        if (b.medianAbsErrorPct() != null) {
            s.append(String.format(Locale.ROOT, ", median error %.1f %%", b.medianAbsErrorPct()));
        }
        if (b.coverage() != null) {
            s.append(String.format(Locale.ROOT, ", interval held %.0f %% of the time", b.coverage() * 100));
        }
        return s.toString();
    }

    private static String nz(String s) {
        return s == null ? "not given" : s;
    }
}
