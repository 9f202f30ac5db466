package dev.forewarn.report;

import dev.forewarn.forecast.ForecastRequest;
import dev.forewarn.forecast.PredictLinear;
import dev.forewarn.rules.Finding;
import dev.forewarn.series.Series;

/**
 * The report's predict_linear row: what Prometheus' {@code predict_linear} over the node-mixin's
 * 6-hour range says about a finding's series, solved for the finding's threshold, so the reader
 * sees the method beside the alert they already run.
 */
public final class PredictLinearBaseline {

    /** predict_linear's range in the node-mixin alert NodeFilesystemSpaceFillingUp, milliseconds. */
    public static final long WINDOW_MILLIS = PredictLinear.WARNING.windowMillis();

    /** The method's words on a filesystem series, the alert's own subject. */
    static final String METHOD = "predict_linear over the last 6 hours (as in node-mixin's NodeFilesystemSpaceFillingUp)";

    /** The method's words on any other series: the same line, but the alert is a filesystem alert, so say so. */
    static final String METHOD_OTHER = "predict_linear over the last 6 hours, as node-mixin's NodeFilesystemSpaceFillingUp does for filesystems";

    /** The method's words for a series: the alert is named as its own only on a filesystem's series. */
    static String method(dev.forewarn.series.SeriesKey key) {
        return key.name().startsWith("fs.") ? METHOD : METHOD_OTHER;
    }

    private PredictLinearBaseline() {
    }

    /**
     * When predict_linear's straight line meets the threshold, within the engine's one-year
     * horizon: {@code atMillis} when the series is already past it, a null date when it moves
     * away or is flat; null (no row) for a counter, a SMART count or a finding without a threshold.
     *
     * @param f        the finding
     * @param s        its series' history up to {@code atMillis}
     * @param atMillis the report's evaluation time, epoch milliseconds
     */
    public static Baseline of(Finding f, Series s, long atMillis) {
        var p = f.projection();
        // predict_linear answers "when does it reach the limit"; a count judged on its growth has no such question
        if (s == null || s.isEmpty() || p.series().isCounter() || Double.isNaN(p.threshold()) || p.series().name().startsWith("smart.")) {
            return null;
        }
        // the same crossing as the backtest's and the benchmark's predict_linear baseline
        return new Baseline(method(p.series()), PredictLinear.lineEtaMillis(s, atMillis, WINDOW_MILLIS, p.threshold(), p.direction(),
                ForecastRequest.DEFAULT_HORIZON_MILLIS), null);
    }
}
