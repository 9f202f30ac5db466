package dev.forewarn.sampling;

import dev.forewarn.series.SeriesKey;
import java.util.Objects;

/**
 * One value read by a collector at one sampling instant: the series it belongs to and its
 * value in the unit that the metric name carries ({@code _bytes}, {@code _seconds},
 * {@code _ratio} 0..1, {@code _celsius}, counts otherwise). Counters ({@code _total}) are raw.
 *
 * @param key   the series, e.g. {@code fs.avail_bytes{device="/dev/vda1",fstype="ext4",mount="/"}}
 * @param value the value; always finite
 */
public record Sample(SeriesKey key, double value) {

    public Sample {
        Objects.requireNonNull(key, "key");
    }

    /** A sample of a metric with labels given as alternating names and values. */
    public static Sample of(String name, double value, String... labelPairs) {
        return new Sample(SeriesKey.of(name, labelPairs), value);
    }
}
