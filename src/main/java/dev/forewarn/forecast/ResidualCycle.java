package dev.forewarn.forecast;

/**
 * Finds a cycle of several days in the residuals about a trend: the steps of a batch job that
 * keeps what it writes (a straight line through a staircase leaves a sawtooth of residuals, one
 * tooth per step), a weekly rhythm. The residuals are averaged by the hour, their mean daily
 * profile is taken out (the day blocks bring the daily cycle back by themselves), and their
 * autocorrelation is read at lags from {@link #MIN_HOURS} to {@link #MAX_HOURS}. The highest
 * lag is a cycle when its correlation is at least {@link #MIN_ACF} and the correlation dips by
 * at least {@link #MIN_DIP} somewhere between a quarter and three quarters of it: a slow
 * wander (a drifting rate, AR(1) noise) is correlated at every lag and has no such dip.
 */
final class ResidualCycle {

    /** Shortest cycle looked for, hours: beyond the daily cycle's reach. */
    static final int MIN_HOURS = 36;
    /** Longest cycle looked for, hours (ten days); two whole cycles must be known. */
    static final int MAX_HOURS = 240;
    static final double MIN_ACF = 0.4;
    static final double MIN_DIP = 0.4;
    /** A shorter peak within this much of the highest correlation is preferred to it. */
    static final double HARMONIC_SLACK = 0.1;

    private ResidualCycle() {
    }

    /**
     * The cycle of {@code r} (a regular grid at {@code stepDays}, oldest first), in samples, or 0
     * when there is none.
     */
    static int periodSamples(double[] r, double stepDays) {
        double perHour = 1.0 / 24 / stepDays;
        if (perHour < 1 - 1e-9) {
            return 0; // coarser than hourly: too few points for a cycle of days to be told from noise
        }
        int per = (int) Math.round(perHour);
        int m = r.length / per;
        if (m < 2 * MIN_HOURS) {
            return 0;
        }
        // Hourly means, whole hours back from the last sample.
        double[] h = new double[m];
        int off = r.length - m * per;
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0; j < per; j++) {
                s += r[off + i * per + j];
            }
            h[i] = s / per;
        }
        h = Persistence.withoutDailyProfile(h, 24);
        double mean = 0;
        for (double x : h) {
            mean += x;
        }
        mean /= m;
        double var = 0;
        for (int i = 0; i < m; i++) {
            h[i] -= mean;
            var += h[i] * h[i];
        }
        var /= m;
        if (var <= 0) {
            return 0;
        }
        int maxLag = Math.min(MAX_HOURS, m / 2);
        if (maxLag < MIN_HOURS) {
            return 0;
        }
        double[] acf = new double[maxLag + 2];
        for (int lag = 1; lag <= Math.min(maxLag + 1, m - 1); lag++) {
            double s = 0;
            for (int i = 0; i + lag < m; i++) {
                s += h[i] * h[i + lag];
            }
            acf[lag] = s / (m - lag) / var;
        }
        int best = 0;
        for (int lag = MIN_HOURS; lag <= maxLag; lag++) {
            if (best == 0 || acf[lag] > acf[best]) {
                best = lag;
            }
        }
        if (acf[best] < MIN_ACF) {
            return 0;
        }
        // A cycle correlates as well at twice its length: the shortest peak nearly as high is the cycle.
        for (int lag = MIN_HOURS; lag < best; lag++) {
            if (acf[lag] >= acf[best] - HARMONIC_SLACK && acf[lag] >= acf[lag - 1] && acf[lag] >= acf[lag + 1]) {
                best = lag;
                break;
            }
        }
        double dip = Double.POSITIVE_INFINITY;
        for (int lag = Math.max(1, best / 4); lag <= 3 * best / 4; lag++) {
            dip = Math.min(dip, acf[lag]);
        }
        if (acf[best] - dip < MIN_DIP) {
            return 0;
        }
        // The peak between whole hours (a parabola through it and its neighbours): a cycle of 4.37 days
        // kept at 105 hours would drift an hour off every cycle.
        double peak = best;
        if (best + 1 <= Math.min(maxLag + 1, m - 1)) {
            double a = acf[best - 1];
            double b = acf[best];
            double c = acf[best + 1];
            double den = a - 2 * b + c;
            if (den < 0) {
                peak = best + Math.max(-0.5, Math.min(0.5, 0.5 * (a - c) / den));
            }
        }
        return (int) Math.round(peak * perHour);
    }
}
