package dev.forewarn.series;

import java.util.List;

/**
 * Where series come from: the local store, a Prometheus server, or memory in a test.
 * Forecasts, rules and reports read through this and never know which it is.
 */
public interface SeriesSource {

    /** The keys of every series that the selector matches, sorted by canonical text. */
    List<SeriesKey> find(Selector selector);

    /**
     * The points of one series with {@code fromMillis <= t <= toMillis}, raw where raw points
     * are still kept and hourly roll-ups (the average) before that; empty if there are none.
     */
    Series read(SeriesKey key, long fromMillis, long toMillis);
}
