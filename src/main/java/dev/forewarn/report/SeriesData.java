package dev.forewarn.report;

/**
 * The points one finding rests on, for the appendix and for {@code report --verify}.
 *
 * @param series       canonical series text
 * @param collector    the collector that sampled it (its metric family: fs, mem, proc, smart, ...)
 * @param points       number of points read
 * @param fromMillis   first point, epoch milliseconds (0 when empty)
 * @param toMillis     last point, epoch milliseconds (0 when empty)
 * @param sha256       SHA-256 (hex) of those points, see {@link PointsHash}
 */
public record SeriesData(String series, String collector, int points, long fromMillis, long toMillis, String sha256) {
}
