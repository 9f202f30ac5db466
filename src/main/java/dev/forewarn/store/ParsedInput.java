package dev.forewarn.store;

import dev.forewarn.series.Series;
import java.util.List;

/**
 * The points read from one import file, sorted per series, ready for {@link SampleStore#appendAll}.
 *
 * @param source       the file name as the user gave it
 * @param series       one series per key, times strictly increasing (later lines won on equal times)
 * @param points       points in {@code series}
 * @param skipped      bad lines skipped (only with skip-bad)
 * @param firstSkipped the first skipped line's problem ({@code FILE:LINE: ...}), or null
 */
public record ParsedInput(String source, List<Series> series, long points, long skipped, String firstSkipped) {

    public ParsedInput {
        series = List.copyOf(series);
    }
}
