package dev.forewarn.series;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A {@link SeriesSource} over series held in memory: for tests, demos and computed series. */
public final class InMemorySeriesSource implements SeriesSource {

    private final Map<SeriesKey, Series> series = new TreeMap<>();

    /** Adds or replaces one series. */
    public InMemorySeriesSource put(Series s) {
        series.put(s.key(), s);
        return this;
    }

    @Override
    public List<SeriesKey> find(Selector selector) {
        List<SeriesKey> out = new ArrayList<>();
        for (SeriesKey k : series.keySet()) {
            if (selector.matches(k)) {
                out.add(k);
            }
        }
        return out;
    }

    @Override
    public Series read(SeriesKey key, long fromMillis, long toMillis) {
        Series s = series.get(key);
        return s == null ? Series.empty(key) : s.between(fromMillis, toMillis);
    }
}
