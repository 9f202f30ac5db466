package dev.forewarn.cli;

import dev.forewarn.forecast.BacktestSummary;
import dev.forewarn.forecast.Direction;
import dev.forewarn.forecast.Projection;
import dev.forewarn.rules.Finding;
import dev.forewarn.rules.RuleSet;
import dev.forewarn.rules.Severity;
import dev.forewarn.series.Selector;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.series.Times;
import dev.forewarn.store.SampleStore;
import dev.forewarn.store.StoreInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Findings about the history itself rather than a rule's series, each UNKNOWN (a monitor that
 * cannot see must not say OK): no rule in force; a replay ({@code --at}) before the first point;
 * sampling that stopped. Without them a store that stops receiving samples turns {@code check}
 * green a day later, when every series has gone stale and none is judged.
 */
final class HistoryFindings {

    /** The shortest time without a sample that counts as sampling stopped: 1 hour. */
    static final long MIN_STALE_MILLIS = 3_600_000L;
    /** Sampling counts as stopped after this many of its intervals without a sample (and at least {@link #MIN_STALE_MILLIS}). */
    static final int STALE_INTERVALS = 5;
    private static final long DAY = 86_400_000L;

    private HistoryFindings() {
    }

    /** "no rules in force" when every rule is switched off. */
    static List<Finding> noRules(RuleSet rules, long atMillis) {
        if (!rules.rules().isEmpty()) {
            return List.of();
        }
        return List.of(finding("no-rules", SeriesKey.of("forewarn.rules"), atMillis,
                "no rules in force: every rule is switched off (enabled: false), so nothing is judged;"
                        + " see 'forewarn rules list'", "no rules"));
    }

    /**
     * A replay before the history starts, or a store whose newest point is older than the
     * staleness bound ({@link #staleAfterMillis}) at {@code atMillis}; nothing for an empty store.
     */
    /** A time in these findings' words: the one local style of text and reports, not ISO-8601 (JSON carries that). */
    private static String local(long millis) {
        return Times.local(millis, java.time.ZoneId.systemDefault());
    }

    static List<Finding> of(SampleStore db, long atMillis, boolean replay) {
        StoreInfo info = db.info();
        if (info.firstMillis() == null || info.lastMillis() == null) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        if (replay && atMillis < info.firstMillis()) {
            out.add(finding("no-history", SeriesKey.of("forewarn.history"), atMillis,
                    "no history before " + local(info.firstMillis()) + ": nothing to replay at " + local(atMillis)
                            + " (the store " + db.file() + " starts then)", "replay before the first point"));
            return out;
        }
        long bound = staleAfterMillis(db, info.lastMillis());
        if (atMillis - info.lastMillis() > bound) {
            out.add(finding("sampling-stale", SeriesKey.of("forewarn.history"), atMillis,
                    "no sample since " + local(info.lastMillis()) + " (" + Times.human(Duration.ofMillis(atMillis - info.lastMillis()))
                            + " before " + (replay ? local(atMillis) : "now") + ", more than "
                            + Times.human(Duration.ofMillis(bound)) + "); is sampling running?"
                            + " (systemctl list-timers 'forewarn-*', the crontab, or collect's log)",
                    "the newest point is older than " + STALE_INTERVALS + " sampling intervals and at least 1h"));
        }
        return out;
    }

    /**
     * How long without any new point counts as sampling stopped: {@value #STALE_INTERVALS} times
     * the sampling interval (the median gap of the last day of forewarn's own
     * {@code forewarn.collector.success} series, the shortest over collectors), at least 1 hour.
     * A store without those series (an import) gets the 1 hour.
     */
    static long staleAfterMillis(SampleStore db, long newestMillis) {
        long interval = Long.MAX_VALUE;
        for (SeriesKey key : db.find(Selector.of("forewarn.collector.success"))) {
            Series s = db.read(key, newestMillis - DAY, newestMillis);
            if (s.size() < 3) {
                continue;
            }
            long[] gaps = new long[s.size() - 1];
            for (int i = 1; i < s.size(); i++) {
                gaps[i - 1] = s.timeMillis(i) - s.timeMillis(i - 1);
            }
            Arrays.sort(gaps);
            interval = Math.min(interval, gaps[gaps.length / 2]);
        }
        if (interval == Long.MAX_VALUE) {
            return MIN_STALE_MILLIS;
        }
        return Math.max(MIN_STALE_MILLIS, Math.min(Long.MAX_VALUE / STALE_INTERVALS, interval) * STALE_INTERVALS);
    }

    private static Finding finding(String id, SeriesKey key, long atMillis, String message, String reason) {
        Projection p = new Projection(key, atMillis, null, Double.NaN, Direction.UP, null, null, null, 0.8,
                "history", reason, null, BacktestSummary.none(), null);
        return new Finding(id, null, Severity.UNKNOWN, message, p);
    }
}
