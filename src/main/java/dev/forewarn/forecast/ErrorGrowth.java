package dev.forewarn.forecast;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * How a series' past forecast errors grow with the horizon h (days): their mean square is
 * modelled as {@code level + walk·h + slope·h²}, each part not negative (least squares over
 * every error, weighed by the inverse square of its fitted mean). {@code level} is what does
 * not grow (the fit's level at the origin, the noise at the target), {@code walk} a rate that
 * drifts from day to day (a random walk of the level: a staircase's steps, a batch job's
 * varying size), {@code slope} a wrong slope. The simulation draws each part where it belongs:
 * the noise from the residuals, the drift as a random walk, the slope error as a slope.
 *
 * @param levelVar      units²
 * @param walkVarPerDay units² per day
 * @param slopeVar      units² per day²
 */
record ErrorGrowth(double levelVar, double walkVarPerDay, double slopeVar) {

    static final ErrorGrowth NONE = new ErrorGrowth(0, 0, 0);

    /** The fit to errors {@code e} (units) at horizons {@code h} (days), aligned. */
    static ErrorGrowth fit(double[] e, double[] h) {
        int n = Math.min(e.length, h.length);
        if (n == 0) {
            return NONE;
        }
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {1, h[i], h[i] * h[i]};
            y[i] = e[i] * e[i];
        }
        // Non-negative least squares over three terms: the best of the solutions on each subset of them
        // whose coefficients are all non-negative. A squared error scatters as much as its mean: a second pass
        // weighs each by the first pass's mean there squared (else the longest horizons decide alone).
        double[] wt = new double[n];
        java.util.Arrays.fill(wt, 1);
        double[] best = nonNegative(x, y, wt);
        if (best == null) {
            return NONE;
        }
        double floor = 0.01 * mean(y); // no weight above 10⁴ times the typical one
        for (int i = 0; i < n; i++) {
            double m = best[0] + best[1] * x[i][1] + best[2] * x[i][2];
            wt[i] = 1 / Math.pow(Math.max(m, floor), 2);
        }
        double[] second = nonNegative(x, y, wt);
        if (second != null) {
            best = second;
        }
        return new ErrorGrowth(best[0], best[1], best[2]);
    }

    private static double mean(double[] y) {
        double s = 0;
        for (double v : y) {
            s += v;
        }
        return s / y.length;
    }

    /** The subset solution with the least weighted squared error, or null. */
    private static double[] nonNegative(double[][] x, double[] y, double[] wt) {
        double[] best = null;
        double bestSse = Double.POSITIVE_INFINITY;
        for (int mask = 1; mask < 8; mask++) {
            double[] c = solve(x, y, wt, mask);
            if (c == null) {
                continue;
            }
            double sse = 0;
            for (int i = 0; i < y.length; i++) {
                double r = y[i] - (c[0] + c[1] * x[i][1] + c[2] * x[i][2]);
                sse += wt[i] * r * r;
            }
            if (sse < bestSse) {
                bestSse = sse;
                best = c;
            }
        }
        return best;
    }

    /** Least squares on the terms in {@code mask}; null when singular or a coefficient is negative. */
    private static double[] solve(double[][] x, double[] y, double[] wt, int mask) {
        int[] cols = new int[Integer.bitCount(mask)];
        for (int j = 0, k = 0; j < 3; j++) {
            if ((mask & (1 << j)) != 0) {
                cols[k++] = j;
            }
        }
        int m = cols.length;
        // Each term is scaled to unit mean square first: h² and 1 differ by orders of magnitude.
        double[] norm = new double[m];
        for (int a = 0; a < m; a++) {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                s += wt[i] * x[i][cols[a]] * x[i][cols[a]];
            }
            norm[a] = Math.sqrt(s / x.length);
            if (norm[a] == 0) {
                return null;
            }
        }
        RealMatrix xtx = new Array2DRowRealMatrix(m, m);
        double[] xty = new double[m];
        for (int i = 0; i < x.length; i++) {
            for (int a = 0; a < m; a++) {
                double va = x[i][cols[a]] / norm[a];
                xty[a] += wt[i] * va * y[i];
                for (int b = 0; b < m; b++) {
                    xtx.addToEntry(a, b, wt[i] * va * x[i][cols[b]] / norm[b]);
                }
            }
        }
        double[] sol;
        try {
            sol = new LUDecomposition(xtx).getSolver().solve(new ArrayRealVector(xty)).toArray();
        } catch (SingularMatrixException e) {
            return null;
        }
        double[] c = new double[3];
        for (int a = 0; a < m; a++) {
            double v = sol[a] / norm[a];
            if (!(v >= 0)) {
                return null;
            }
            c[cols[a]] = v;
        }
        return c;
    }

    /** The mean square error at horizon {@code h} days, units². */
    double at(double h) {
        return levelVar + walkVarPerDay * h + slopeVar * h * h;
    }

    /** The share of a past error's size at horizon {@code h} that a wrong slope explains: √(slope·h² / total), 0 to 1. */
    double slopeShare(double h) {
        double total = at(h);
        return total > 0 ? Math.sqrt(slopeVar * h * h / total) : 0;
    }
}
