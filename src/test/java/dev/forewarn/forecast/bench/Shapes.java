package dev.forewarn.forecast.bench;

import java.util.SplittableRandom;

/**
 * Building blocks of the generated series, on the common 5-minute grid that starts at
 * {@link CaseFamilies#T0}: AR(1) noise, daily and weekly cycles, working-day rhythm. Index i is
 * the sample at {@code T0 + i * STEP}.
 */
final class Shapes {

    static final long STEP = 5 * 60_000L;
    static final int PER_DAY = 288;
    static final int PER_HOUR = 12;

    private Shapes() {
    }

    /** Uniform in [lo, hi). */
    static double uniform(SplittableRandom r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    /** Log-uniform in [lo, hi): each decade equally likely. */
    static double logUniform(SplittableRandom r, double lo, double hi) {
        return Math.exp(uniform(r, Math.log(lo), Math.log(hi)));
    }

    /** Standard normal (Box–Muller; SplittableRandom has no nextGaussian in Java 17). */
    static double gaussian(SplittableRandom r) {
        double u = 1.0 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /**
     * AR(1) noise with marginal standard deviation {@code sd} and lag-one (5-minute) correlation
     * {@code phi}: e(i) = phi e(i-1) + sqrt(1 - phi^2) sd z(i), started in its stationary state.
     */
    static double[] ar1(SplittableRandom r, int n, double sd, double phi) {
        double[] e = new double[n];
        double k = Math.sqrt(1 - phi * phi) * sd;
        double x = sd * gaussian(r);
        for (int i = 0; i < n; i++) {
            x = i == 0 ? x : phi * x + k * gaussian(r);
            e[i] = x;
        }
        return e;
    }

    /** Hour of the day (UTC, fractional) of sample i. */
    static double hourOfDay(int i) {
        return (i % PER_DAY) / (double) PER_HOUR;
    }

    /** Day of the week of sample i: 0 = Monday (T0 is a Monday) … 6 = Sunday. */
    static int dayOfWeek(int i) {
        return (i / PER_DAY) % 7;
    }

    /** A daily cycle of amplitude {@code amp}, highest at {@code peakHour}. */
    static double daily(int i, double amp, double peakHour) {
        return amp * Math.cos(2 * Math.PI * (hourOfDay(i) - peakHour) / 24);
    }

    /** A weekly cycle of amplitude {@code amp}, highest {@code peakDay} days after Monday 00:00. */
    static double weekly(int i, double amp, double peakDay) {
        return amp * Math.cos(2 * Math.PI * (i / (double) PER_DAY - peakDay) / 7);
    }

    /** True in working hours: Monday to Friday from {@code startHour} for {@code hours}. */
    static boolean working(int i, double startHour, double hours) {
        double h = hourOfDay(i);
        return dayOfWeek(i) < 5 && h >= startHour && h < startHour + hours;
    }

    /** Running sum: cum[i] = sum of rate[0..i]. */
    static double[] cumulative(double[] rate) {
        double[] c = new double[rate.length];
        double s = 0;
        for (int i = 0; i < rate.length; i++) {
            s += rate[i];
            c[i] = s;
        }
        return c;
    }

    /** The largest value among the first {@code toIndex + 1} entries. */
    static double maxUpTo(double[] a, int toIndex) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= toIndex && i < a.length; i++) {
            m = Math.max(m, a[i]);
        }
        return m;
    }
}
