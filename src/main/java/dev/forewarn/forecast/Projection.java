package dev.forewarn.forecast;

import dev.forewarn.series.SeriesKey;

/**
 * One series' projection toward a threshold, with the evidence behind it. This is the JSON
 * object that {@code forecast --format json} prints (see DESIGN.md). Unknown values are null,
 * never invented: {@code etaMillis} is null when there is no trend toward the threshold within
 * the horizon, and {@code reason} then says why.
 *
 * @param series        the series projected
 * @param atMillis      evaluation time, epoch milliseconds
 * @param value         the present value (last point at or before {@code atMillis}), or null if none
 * @param threshold     the level that counts as exhaustion
 * @param direction     which way the series must move to reach it
 * @param etaMillis     projected crossing, epoch milliseconds, or null
 * @param etaLowMillis  early bound of the crossing interval (pessimistic path), or null
 * @param etaHighMillis late bound (optimistic path), or null when it lies beyond the horizon
 * @param confidence    coverage of the interval, e.g. 0.8
 * @param method        the model used, in words ("theil-sen over the segment since the last cleanup")
 * @param reason        why this method was chosen over the others, or why there is no eta
 * @param fit           the fit of the chosen model, or null when nothing was fitted
 * @param backtest      how the method did on this series' past
 * @param dataSha256    SHA-256 (hex) of the points used, so the numbers can be reproduced
 * @param state         {@link #READY} when the engine judged the series, {@link #LEARNING} when it has
 *                      too little history to judge yet
 * @param needsMoreSeconds how much more history (seconds) the engine needs before it judges, or null when none
 * @param path          the simulated median path and band toward the threshold, or null when none was simulated
 * @param thresholdText the threshold as the user wrote it, for a reader ("100 GiB (107 GB)",
 *                      "5% of fs.size_bytes (12 GB)"), or null when only the level is known
 *                      ({@link #thresholdShown()} then formats the level)
 */
public record Projection(
        SeriesKey series,
        long atMillis,
        Double value,
        double threshold,
        Direction direction,
        Long etaMillis,
        Long etaLowMillis,
        Long etaHighMillis,
        double confidence,
        String method,
        String reason,
        Fit fit,
        BacktestSummary backtest,
        String dataSha256,
        String state,
        Long needsMoreSeconds,
        ProjectedPath path,
        String thresholdText) {

    /** The engine judged the series. */
    public static final String READY = "ready";
    /** Too little history: no verdict yet, see {@link #needsMoreSeconds()}. */
    public static final String LEARNING = "learning";

    /** A projection whose threshold is known only as a level (no written form). */
    public Projection(SeriesKey series, long atMillis, Double value, double threshold, Direction direction, Long etaMillis,
                      Long etaLowMillis, Long etaHighMillis, double confidence, String method, String reason, Fit fit,
                      BacktestSummary backtest, String dataSha256, String state, Long needsMoreSeconds, ProjectedPath path) {
        this(series, atMillis, value, threshold, direction, etaMillis, etaLowMillis, etaHighMillis, confidence, method, reason,
                fit, backtest, dataSha256, state, needsMoreSeconds, path, null);
    }

    /** The old arity: a judged projection without a simulated path. */
    public Projection(SeriesKey series, long atMillis, Double value, double threshold, Direction direction, Long etaMillis,
                      Long etaLowMillis, Long etaHighMillis, double confidence, String method, String reason, Fit fit,
                      BacktestSummary backtest, String dataSha256) {
        this(series, atMillis, value, threshold, direction, etaMillis, etaLowMillis, etaHighMillis, confidence, method, reason,
                fit, backtest, dataSha256, READY, null, null, null);
    }

    /** This projection with the threshold as the user wrote it (see {@link #thresholdText()}). */
    public Projection withThresholdText(String text) {
        return new Projection(series, atMillis, value, threshold, direction, etaMillis, etaLowMillis, etaHighMillis, confidence,
                method, reason, fit, backtest, dataSha256, state, needsMoreSeconds, path, text);
    }

    /** This projection of another series (the same figures; a fleet's instance label added). */
    public Projection withSeries(SeriesKey key) {
        return new Projection(key, atMillis, value, threshold, direction, etaMillis, etaLowMillis, etaHighMillis, confidence,
                method, reason, fit, backtest, dataSha256, state, needsMoreSeconds, path, thresholdText);
    }

    /**
     * The threshold for a reader: as written when known ("100 GiB (107 GB)"), else the level in the
     * unit of what is projected ("107 GB"; a counter's rate, "40 MB/s"); null when there is no threshold (NaN).
     */
    public String thresholdShown() {
        if (thresholdText != null) {
            return thresholdText;
        }
        return Double.isNaN(threshold) ? null : dev.forewarn.series.Units.ofProjected(series).format(threshold);
    }

    /** True while the engine is still learning the series (too little history). */
    public boolean learning() {
        return LEARNING.equals(state);
    }

    /** True when a crossing date was projected. */
    public boolean hasEta() {
        return etaMillis != null;
    }
}
