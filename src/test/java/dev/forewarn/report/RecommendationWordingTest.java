package dev.forewarn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.forecast.BacktestSummary;
import dev.forewarn.forecast.Direction;
import dev.forewarn.forecast.Fit;
import dev.forewarn.forecast.Projection;
import dev.forewarn.rules.Finding;
import dev.forewarn.rules.RuleSource;
import dev.forewarn.rules.Severity;
import dev.forewarn.series.SeriesKey;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The demo's memory advice read "Fix or restart billing-api (pid 36551), which grew from 1.15 GB
 * to 9.51 GB since Tue 27 Oct 2026, before Wed 2 Dec 2026: ...": the deadline trailed the
 * culprit's history and read as part of it. The deadline comes first, and no ",:" is left.
 */
class RecommendationWordingTest {

    private static final long DAY = 86_400_000L;
    private static final long AT = ReportFixtures.AT;
    private static final String CULPRIT = "billing-api (pid 36551), which grew from 1.15 GB to 9.51 GB since Tue 27 Oct 2026";

    private static Finding memory(long etaLowMillis) {
        Projection p = new Projection(SeriesKey.of("mem.available_bytes"), AT, 2.36e9, 3.44e8, Direction.DOWN, etaLowMillis + DAY / 2,
                etaLowMillis, etaLowMillis + 2 * DAY, 0.95, "quadratic", "why", new Fit(100, AT - 35 * DAY, AT, -3.86e8, 0.97, 4.4e8),
                BacktestSummary.none(), null);
        return new Finding("mem-available", new RuleSource("built-in:rules/memory.yaml", 4, 5), Severity.WARNING, "memory runs out", p);
    }

    @Test
    void theDeadlineForALeakComesBeforeTheCulprit() {
        long early = AT + DAY;
        String action = Recommendations.of(memory(early), 90 * DAY, 30 * DAY, ZoneOffset.UTC, CULPRIT).action();
        // a day and a half out, the deadline has its clock: "Before Mon 2 Feb 2026 00:00, fix ..."
        assertTrue(action.startsWith("Before " + ReportText.dayTime(early, ZoneOffset.UTC) + ", fix or restart billing-api (pid 36551), which grew"), action);
        assertTrue(action.contains("since Tue 27 Oct 2026: that is what uses up the memory."), action);
        assertFalse(action.contains(",:") || action.contains(", before"), action);
    }

    @Test
    void aLeakPastItsEarlyBoundIsFixedNow() {
        String action = Recommendations.of(memory(AT - DAY), 90 * DAY, 30 * DAY, ZoneOffset.UTC, CULPRIT).action();
        assertTrue(action.startsWith("Now, fix or restart billing-api"), action);
        assertFalse(action.contains(",:"), action);
    }

    /** The load advice repeated check's pending note from the heading and said "Look at cpu.load15". */
    @Test
    void loadAboveTheCoresIsAdvisedInWordsWithoutThePendingNote() {
        String action = ReportFixtures.fewMinutesOfLoad().items().get(0).recommendation().action();
        assertEquals("Find what overloads the processors now, or add cores: load is above the cores \u2014 11.5 now, above 4 (200% of 2 cores).", action);
    }

    @Test
    void aFleetsDiskAdviceNamesTheDiskOnceNotWithItsInstanceAgain() {
        // the fleet's message leads with its instance: "... move its data off it: demo-web-1: sda: reallocated sectors grew ..."
        assertEquals("its reallocated sectors grew from 640 to 800", Recommendations.withoutSubject("demo-web-1: sda: reallocated sectors grew from 640 to 800", "sda"));
        assertEquals("its reallocated sectors grew", Recommendations.withoutSubject("sda: reallocated sectors grew", "sda"));
        // a message that only mentions the disk later keeps its words
        assertEquals("2 errors on sda: see dmesg", Recommendations.withoutSubject("2 errors on sda: see dmesg", "sda"));
    }
}
