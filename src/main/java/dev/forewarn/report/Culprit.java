package dev.forewarn.report;

import dev.forewarn.rules.Finding;
import dev.forewarn.series.Selector;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.series.SeriesSource;
import dev.forewarn.series.Units;
import java.time.ZoneId;

/**
 * The process behind falling memory, for the report's recommendation: the {@code proc.rss_bytes}
 * series that grew most over the memory fit's window (at most 60 days), when it accounts for at
 * least half of the decline.
 */
public final class Culprit {

    private static final long DAY_MILLIS = 86_400_000L;

    private Culprit() {
    }

    /**
     * "billing-api (pid 31412), which grew from 1.2 GB to 7.9 GB since Tue 22 Oct 2026" (a phrase that ends there, for any sentence to carry), or null
     * when the finding is not about {@code mem.available_bytes} with a date, or no process grew
     * enough (a process whose newest point is over a day old has ended and is not counted).
     *
     * @param f        the memory finding
     * @param source   where the processes' series are read
     * @param atMillis the report's evaluation time, epoch milliseconds
     * @param zone     zone of the date in the text
     */
    public static String of(Finding f, SeriesSource source, long atMillis, ZoneId zone) {
        var p = f.projection();
        if (!p.series().name().equals("mem.available_bytes") || p.fit() == null || !p.hasEta()) {
            return null;
        }
        long from = Math.max(p.fit().fromMillis(), atMillis - 60L * DAY_MILLIS);
        double decline = Math.abs(p.fit().slopePerDay()) * (atMillis - from) / (double) DAY_MILLIS;
        SeriesKey best = null;
        double bestGrowth = 0;
        double first = 0;
        double last = 0;
        long firstMillis = 0;
        for (SeriesKey k : source.find(Selector.of("proc.rss_bytes"))) {
            Series s = source.read(k, from, atMillis);
            if (s.size() < 2 || atMillis - s.lastMillis() > DAY_MILLIS) {
                continue;
            }
            double a = s.value(0);
            double b = s.lastValue();
            if (Double.isFinite(a) && Double.isFinite(b) && b - a > bestGrowth) {
                best = k;
                bestGrowth = b - a;
                first = a;
                last = b;
                firstMillis = s.firstMillis();
            }
        }
        if (best == null || bestGrowth < 0.5 * decline) {
            return null;
        }
        String name = best.label("name") == null ? best.toString() : best.label("name");
        String pid = best.label("pid") == null ? "" : " (pid " + best.label("pid") + ")";
        Units u = Units.BYTES;
        return name + pid + ", which grew from " + u.format(first) + " to " + u.format(last) + " since "
                + ReportText.day(firstMillis, zone);
    }
}
