package dev.forewarn.forecast;

/**
 * The model's own future path and band as the engine simulated it, for a chart: at each time,
 * the median of the simulated paths and their (1−c)/2 and (1+c)/2 quantiles, in the series' unit.
 *
 * @param timesMillis epoch milliseconds, increasing, after the evaluation time
 * @param median      median simulated value at each time
 * @param low         lower quantile at each time
 * @param high        upper quantile at each time
 */
public record ProjectedPath(long[] timesMillis, double[] median, double[] low, double[] high) {

    /** Equal when every time and value is: records compare arrays by identity otherwise. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ProjectedPath p && java.util.Arrays.equals(timesMillis, p.timesMillis)
                && java.util.Arrays.equals(median, p.median) && java.util.Arrays.equals(low, p.low)
                && java.util.Arrays.equals(high, p.high);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(java.util.Arrays.hashCode(timesMillis), java.util.Arrays.hashCode(median),
                java.util.Arrays.hashCode(low), java.util.Arrays.hashCode(high));
    }

    @Override
    public String toString() {
        return "ProjectedPath[" + timesMillis.length + " points]";
    }
}
