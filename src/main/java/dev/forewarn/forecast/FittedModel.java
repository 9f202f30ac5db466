package dev.forewarn.forecast;

import java.util.function.DoubleUnaryOperator;

/**
 * A model fitted to a window: the projected path and its summary.
 *
 * @param model        which model
 * @param path         projected value at x days after the evaluation time (negative: the past)
 * @param slopePerDay  trend at the evaluation time, series units per day
 * @param slopeStdErr  standard error of the slope in units per day, or NaN when the model has none
 * @param r2           coefficient of determination on the points used, or NaN
 * @param residualSd   standard deviation of the residuals, series units
 * @param samples      points used
 */
record FittedModel(Model model, DoubleUnaryOperator path, double slopePerDay, double slopeStdErr,
                   double r2, double residualSd, int samples) {

    /** The candidate models, simplest first; a later model must beat an earlier one by a margin. */
    enum Model {
        THEIL_SEN("theil-sen", "robust trend", 0.0),
        OLS("least-squares", "least-squares trend", 0.10),
        SEASONAL_DAILY("theil-sen + daily profile", "robust trend after removing the daily cycle", 0.05),
        SEASONAL_WEEKLY("theil-sen + weekly profile", "robust trend after removing the weekly cycle", 0.10),
        QUADRATIC("quadratic", "accelerating (quadratic) trend", 0.25),
        RECENT("recent trend", "the last week's pace easing toward the longer trend", 0.10);

        final String label;
        final String words;
        /** How much lower (as a share) its backtest error must be than the best simpler model's. */
        final double margin;

        Model(String label, String words, double margin) {
            this.label = label;
            this.words = words;
            this.margin = margin;
        }
    }

    double valueAt(double days) {
        return path.applyAsDouble(days);
    }
}
