package dev.forewarn.forecast;

import java.util.Arrays;

/**
 * Robust statistics the models share: median, median absolute deviation, quantiles with the
 * conformal (finite-sample) index, and the Theil–Sen slope (Sen 1968): the median of the slopes
 * of point pairs, which a burst covering less than about 29 % of the points cannot swing.
 * Hand-written because commons-math3 has median/percentile but no Theil–Sen estimator.
 */
final class Robust {

    /** Up to this many points the Theil–Sen slope uses every pair; above, Theil's abbreviated O(n) form. */
    static final int ALL_PAIRS_LIMIT = 90;
    /** Lags per segment of Theil's abbreviated form. */
    static final int LAGS = 8;

    private Robust() {
    }

    static double median(double[] values, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return Double.NaN;
        }
        double[] c = Arrays.copyOfRange(values, from, to);
        if (n <= 64) {
            Arrays.sort(c);
            return n % 2 == 1 ? c[n / 2] : 0.5 * (c[n / 2 - 1] + c[n / 2]);
        }
        double hi = select(c, n / 2);
        if (n % 2 == 1) {
            return hi;
        }
        // After selection every element left of n/2 is <= hi: the lower middle is their maximum.
        double lo = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n / 2; i++) {
            lo = Math.max(lo, c[i]);
        }
        return 0.5 * (lo + hi);
    }

    /** Hoare's quickselect: the k-th smallest (0-based) in expected O(n); reorders the array. */
    static double select(double[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        while (hi > lo) {
            double pivot = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double tmp = a[i];
                    a[i] = a[j];
                    a[j] = tmp;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    static double median(double[] values) {
        return median(values, 0, values.length);
    }

    /** Median absolute deviation around the median, scaled by 1.4826 so it estimates a normal standard deviation. */
    static double madSigma(double[] values) {
        double m = median(values);
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.abs(values[i] - m);
        }
        return 1.4826 * median(d);
    }

    /**
     * The empirical quantile with the split-conformal index: the ⌈(n+1)p⌉-th smallest value
     * (clipped to the sample), so a small sample gives a wider, not a narrower, interval.
     */
    static double conformalQuantile(double[] sorted, double p) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        if (p >= 0.5) {
            int k = (int) Math.ceil((n + 1) * p);
            return sorted[Math.min(n, Math.max(1, k)) - 1];
        }
        int k = (int) Math.floor((n + 1) * p);
        return sorted[Math.min(n, Math.max(1, k)) - 1];
    }

    /**
     * Theil–Sen slope of y over x, pairs taken only within the same segment (segment ids
     * non-decreasing; null means one segment), so level shifts between segments do not count as slope.
     */
    static double theilSenSlope(double[] x, double[] y, int[] segment) {
        int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        double[] slopes;
        int m = 0;
        if (n <= ALL_PAIRS_LIMIT) {
            slopes = new double[n * (n - 1) / 2];
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (x[j] != x[i] && (segment == null || segment[i] == segment[j])) {
                        slopes[m++] = (y[j] - y[i]) / (x[j] - x[i]);
                    }
                }
            }
        } else {
            // Theil's abbreviated estimator: within each segment, every other point paired with the
            // ones LAGS lags later, spread evenly from a third to two thirds of the segment.
            // Deterministic, O(n), and pairs far apart carry most of the information about the slope.
            // Many lags, not two: a staircase's pairs at one lag cross a whole number of steps, so
            // their median was a whole number of steps over that lag (16 % off for steps every 4.9
            // days in five weeks; a staircase fill's dates came a step late).
            slopes = new double[LAGS * n]; // at most LAGS pairs a point, in any split into segments
            int start = 0;
            while (start < n) {
                int end = start + 1;
                while (end < n && (segment == null || segment[end] == segment[start])) {
                    end++;
                }
                int len = end - start;
                if (len < 6) {
                    for (int i = start; i < end; i++) {
                        for (int j = i + 1; j < end; j++) {
                            if (x[j] != x[i]) {
                                slopes[m++] = (y[j] - y[i]) / (x[j] - x[i]);
                            }
                        }
                    }
                } else {
                    for (int q = 0; q < LAGS; q++) {
                        int lag = Math.max(1, (int) Math.round(len * (1.0 / 3 + q / (3.0 * (LAGS - 1)))));
                        for (int i = start; i + lag < end; i += 2) {
                            slopes[m++] = (y[i + lag] - y[i]) / (x[i + lag] - x[i]);
                        }
                    }
                }
                start = end;
            }
        }
        return m == 0 ? Double.NaN : median(slopes, 0, m);
    }

    /** Median of y − slope·x over the points with index in [from, to): the line's level. */
    static double intercept(double[] x, double[] y, double slope, int from, int to) {
        double[] r = new double[to - from];
        for (int i = from; i < to; i++) {
            r[i - from] = y[i] - slope * x[i];
        }
        return median(r);
    }
}
