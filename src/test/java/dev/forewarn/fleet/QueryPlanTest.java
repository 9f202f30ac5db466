package dev.forewarn.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QueryPlanTest {

    private static final long DAY = 86_400_000L;

    @Test
    void thirtyDaysAtFiveMinutesIsOneQueryOnTheStepGrid() {
        QueryPlan p = QueryPlan.of(1_700_000_123_456L - 30 * DAY, 1_700_000_123_456L, 300, QueryPlan.MAX_POINTS);
        assertEquals(1, p.chunks().size());
        long[] c = p.chunks().get(0);
        assertEquals(0, c[0] % 300);
        assertEquals(0, c[1] % 300);
        assertTrue(c[0] * 1000 >= 1_700_000_123_456L - 30 * DAY && c[1] * 1000 <= 1_700_000_123_456L);
        assertEquals(8640, p.points());
    }

    @Test
    void longWindowsComeInChunksOfAtMostElevenThousandPointsWithoutGapOrOverlap() {
        QueryPlan p = QueryPlan.of(0, 90 * DAY, 60, QueryPlan.MAX_POINTS);
        assertEquals(90 * 1440 + 1, p.points());
        long expectedStart = 0;
        for (long[] c : p.chunks()) {
            assertEquals(expectedStart, c[0]);
            assertTrue((c[1] - c[0]) / 60 + 1 <= QueryPlan.MAX_POINTS);
            expectedStart = c[1] + 60;
        }
        assertEquals(90 * 86_400, p.chunks().get(p.chunks().size() - 1)[1]);
        assertEquals(12, p.chunks().size());
    }
}
