package dev.forewarn.forecast;

import org.apache.commons.math3.stat.StatUtils;

/**
 * How long the series' present deviation from its mean path lasts. The residuals, with their
 * daily profile taken out (the block bootstrap brings the cycle back by itself), have an
 * autocorrelation at each lag; a simulated path that starts from a resampled block is moved by
 * the difference between the present deviation and the one just before its block, times that
 * autocorrelation, so that near-term paths start where the series is (a trough now stays a
 * trough for a while) and far-term paths forget it. With white noise the correlation is gone
 * within a step and nothing changes; with a slow wobble (a weekly cycle, AR(1) noise close to 1,
 * a fit that is off near the present) the next days follow the present.
 */
final class Persistence {

    /** Lags at which the autocorrelation is measured, hours; linear in between, 0 beyond the last positive one. */
    static final double[] LAG_HOURS = {0, 0.25, 0.5, 1, 2, 4, 8, 12, 24, 36, 48, 72, 96, 120, 168};

    /** The present deviation is the mean of the residuals over this long (hours): one sample is mostly noise. */
    static final double STATE_HOURS = 0.5;

    private final double[] lagDays;
    private final double[] acf;
    private final double[] dev;
    private final int q;

    private Persistence(double[] lagDays, double[] acf, double[] dev, int q) {
        this.lagDays = lagDays;
        this.acf = acf;
        this.dev = dev;
        this.q = q;
    }

    /** No persistence (for callers that want the plain bootstrap). */
    static Persistence none() {
        return new Persistence(new double[] {0}, new double[] {0}, new double[0], 1);
    }

    /**
     * A deviation that never fades, for blocks of a residual cycle aligned to the present: each
     * path goes on from the present value by the changes of a past cycle (a staircase's level
     * after its last step is where the next step starts from; it does not drift back to the line).
     */
    static Persistence whole(double[] r, double stepDays, int perDay) {
        int q = (int) Math.max(1, Math.min(r.length, Math.round(STATE_HOURS / 24 / stepDays)));
        // Deviations from the daily profile: a nightly burst under way now is the day blocks' business, not a new level.
        return new Persistence(new double[] {0, Double.MAX_VALUE}, new double[] {1, 1}, withoutDailyProfile(r, perDay), q);
    }

    /**
     * {@code r} (a regular grid, {@code perDay} samples a day) less its mean daily profile, the
     * profile's phases counted back from the last sample; {@code r} itself (copied) with fewer
     * than two days.
     */
    static double[] withoutDailyProfile(double[] r, int perDay) {
        int n = r.length;
        double[] u = r.clone();
        double[] profile = dailyProfile(r, perDay);
        if (profile != null) {
            for (int i = 0; i < n; i++) {
                u[i] -= profile[(n - 1 - i) % perDay];
            }
        }
        return u;
    }

    /**
     * The mean daily profile of {@code r} (a regular grid, {@code perDay} samples a day), in its
     * unit: element k is the mean of the samples k, k + perDay, ... steps before the last one;
     * null with fewer than two days or fewer than two samples a day.
     */
    static double[] dailyProfile(double[] r, int perDay) {
        int n = r.length;
        if (n < 2 * perDay || perDay <= 1) {
            return null;
        }
        double[] sum = new double[perDay];
        int[] cnt = new int[perDay];
        for (int i = 0; i < n; i++) {
            int k = (n - 1 - i) % perDay;
            sum[k] += r[i];
            cnt[k]++;
        }
        for (int k = 0; k < perDay; k++) {
            sum[k] /= cnt[k];
        }
        return sum;
    }

    /**
     * A daily profile stands out when its variance is this many times what noise alone would give
     * it over the days known (the residuals' variance over the number of days): the mean of each
     * time of day over D days of noise varies by a D-th of the noise's variance.
     */
    static final double DAILY_CYCLE_FACTOR = 4;

    /**
     * Whether {@code r} (a regular grid, {@code perDay} samples a day, the last aligned to the
     * present) has a daily cycle: its mean daily profile ({@link #dailyProfile}) varies more than
     * {@link #DAILY_CYCLE_FACTOR} times what noise alone would make it. False with under two days.
     */
    static boolean hasDailyCycle(double[] r, int perDay) {
        double[] profile = dailyProfile(r, perDay);
        if (profile == null) {
            return false;
        }
        double days = (double) r.length / perDay;
        return StatUtils.populationVariance(profile) > DAILY_CYCLE_FACTOR * StatUtils.populationVariance(r) / days;
    }

    /**
     * Measures the persistence of {@code r} (a regular grid at {@code stepDays}); {@code perDay}
     * samples make a day, and with two days or more the mean daily profile (aligned to the last
     * sample) is removed first.
     */
    static Persistence of(double[] r, double stepDays, int perDay) {
        int n = r.length;
        if (n < 8) {
            return none();
        }
        double[] u = withoutDailyProfile(r, perDay);
        double mean = 0;
        for (double x : u) {
            mean += x;
        }
        mean /= n;
        double var = 0;
        for (int i = 0; i < n; i++) {
            u[i] -= mean;
            var += u[i] * u[i];
        }
        var /= n;
        double[] lags = new double[LAG_HOURS.length];
        double[] a = new double[LAG_HOURS.length];
        int used = 0;
        double prev = 1;
        for (double h : LAG_HOURS) {
            int lag = (int) Math.round(h / 24 / stepDays);
            if (lag > n / 2) {
                break;
            }
            double c;
            if (var <= 0) {
                c = 0;
            } else if (lag == 0) {
                c = 1;
            } else {
                double s = 0;
                for (int i = 0; i + lag < n; i++) {
                    s += u[i] * u[i + lag];
                }
                c = s / (n - lag) / var;
            }
            // Never more persistent at a longer lag, never negative: a weekly cycle's far side is not forecast from here.
            c = Math.max(0, Math.min(prev, c));
            lags[used] = lag * stepDays;
            a[used++] = c;
            prev = c;
        }
        int q = (int) Math.max(1, Math.min(n, Math.round(STATE_HOURS / 24 / stepDays)));
        return new Persistence(java.util.Arrays.copyOf(lags, used), java.util.Arrays.copyOf(a, used), u, q);
    }

    /** Beyond this lag (days) the autocorrelation is 0: nothing of the present is left. */
    double forgottenAfterDays() {
        for (int i = acf.length - 1; i >= 0; i--) {
            if (acf[i] > 0) {
                return i + 1 < lagDays.length ? lagDays[i + 1] : lagDays[i];
            }
        }
        return 0;
    }

    /** The autocorrelation at {@code days} of lag (1 at 0, non-increasing, 0 beyond what was measured). */
    double at(double days) {
        if (days <= 0) {
            return acf.length == 0 ? 0 : acf[0];
        }
        for (int i = 1; i < lagDays.length; i++) {
            if (days <= lagDays[i]) {
                double f = (days - lagDays[i - 1]) / (lagDays[i] - lagDays[i - 1]);
                return acf[i - 1] + f * (acf[i] - acf[i - 1]);
            }
        }
        return 0;
    }

    /** The present deviation minus the deviation just before index {@code start} (units); 0 without persistence. */
    double shift(int start) {
        int n = dev.length;
        if (n == 0) {
            return 0;
        }
        return mean(n - q, n) - (start >= q ? mean(start - q, start) : mean(0, Math.min(n, q)));
    }

    private double mean(int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += dev[i];
        }
        return s / (to - from);
    }
}
