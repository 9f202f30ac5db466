package dev.forewarn.fleet;

import java.util.Map;

/**
 * One series of a Prometheus {@code matrix} answer, as the server named it.
 *
 * @param labels      every label, {@code __name__} included when the query kept it
 * @param timesMillis evaluation times, epoch milliseconds, increasing
 * @param values      the value at each time (NaN and infinities as Prometheus sent them)
 */
public record RawSeries(Map<String, String> labels, long[] timesMillis, double[] values) {
}
