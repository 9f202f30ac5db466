package dev.forewarn.forecast;

import java.util.function.DoubleUnaryOperator;

/**
 * First time a projected path reaches a threshold: scans forward on an hourly grid (fine enough
 * to catch the peak of a daily cycle) and refines the bracketing step by bisection.
 */
final class Crossing {

    private static final double STEP_DAYS = 1.0 / 24.0;

    private Crossing() {
    }

    /** Days after the evaluation time until the path first reaches the threshold, or NaN within the horizon. */
    static double firstDays(DoubleUnaryOperator path, double threshold, Direction direction, double horizonDays) {
        double s = direction == Direction.UP ? 1 : -1;
        if (s * (path.applyAsDouble(0) - threshold) >= 0) {
            return 0;
        }
        double step = Math.max(STEP_DAYS, horizonDays / 20_000.0);
        double prev = 0;
        for (double d = step; prev < horizonDays; d += step) {
            double dd = Math.min(d, horizonDays);
            if (s * (path.applyAsDouble(dd) - threshold) >= 0) {
                double lo = prev;
                double hi = dd;
                for (int i = 0; i < 40 && hi - lo > 1e-7; i++) {
                    double mid = 0.5 * (lo + hi);
                    if (s * (path.applyAsDouble(mid) - threshold) >= 0) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                return hi;
            }
            prev = dd;
        }
        return Double.NaN;
    }
}
