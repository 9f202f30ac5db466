package dev.forewarn.forecast.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class CaseFamiliesTest {

    private static final long DAY = 86_400_000L;
    private static final long HOUR = 3_600_000L;

    @Test
    void everyCaseStartsTheSameWayAndFillsRunOnPastTheirFirstTouch() {
        for (CaseFamilies.Family f : CaseFamilies.all()) {
            for (int i = 0; i < 3; i++) {
                GeneratedCase c = f.draw(7, i);
                String what = f.name() + " draw " + i;
                assertEquals(CaseFamilies.T0, c.series().firstMillis(), what);
                assertEquals(CaseFamilies.T0 + CaseFamilies.SPAN_MILLIS, c.series().lastMillis(), what);
                assertEquals(5 * 60_000L, c.series().timeMillis(1) - c.series().timeMillis(0), what);
                assertEquals(c.series().size(), c.size().size(), what);
                assertTrue(c.originsMillis().length > 0, what);
                assertTrue(c.originsMillis()[0] >= CaseFamilies.T0 + CaseFamilies.WARM_UP_MILLIS, what);
                if (f.kind() == GeneratedCase.Kind.FILL) {
                    assertNotNull(c.truthMillis(), what);
                    assertEquals(c.truthMillis(), FirstTouch.after(c.series(), c.threshold(), c.direction(), Long.MIN_VALUE), what);
                    assertTrue(c.series().lastMillis() > c.truthMillis() + 300 * DAY, what + " runs on past the truth");
                    long last = c.originsMillis()[c.originsMillis().length - 1];
                    assertTrue(c.truthMillis() - last >= 12 * HOUR && c.truthMillis() - last < 29 * HOUR, what);
                    assertTrue(c.truthMillis() - c.originsMillis()[0] <= 45 * DAY, what);
                    assertTrue(c.scored(last), what + " has a scored origin");
                } else {
                    assertNull(FirstTouch.after(c.series(), c.threshold(), c.direction(), Long.MIN_VALUE), what + " never touches");
                    long last = c.originsMillis()[c.originsMillis().length - 1];
                    assertTrue(c.knownUntilMillis() >= last + 365 * DAY, what + " is known clear for a year after every origin");
                }
            }
        }
    }

    @Test
    void sameSeedSameCaseOtherSeedOtherCase() {
        for (CaseFamilies.Family f : CaseFamilies.all()) {
            GeneratedCase a = f.draw(3, 1);
            GeneratedCase b = f.draw(3, 1);
            assertArrayEquals(a.series().values(), b.series().values(), f.name());
            assertArrayEquals(a.originsMillis(), b.originsMillis(), f.name());
            assertFalse(java.util.Arrays.equals(a.series().values(), f.draw(4, 1).series().values()), f.name());
            assertFalse(java.util.Arrays.equals(a.series().values(), f.draw(3, 2).series().values()), f.name());
        }
    }

    @Test
    void originsOfAFamilyFallAtEveryHourOfTheDay() {
        for (CaseFamilies.Family f : CaseFamilies.all()) {
            BitSet hours = new BitSet(24);
            for (int i = 0; i < 2; i++) {
                for (long o : f.draw(11, i).originsMillis()) {
                    hours.set((int) ((o % DAY) / HOUR));
                }
            }
            assertEquals(24, hours.cardinality(), f.name());
        }
    }

    @Test
    void originsRunFromFortyFiveDaysToTwelveHoursBeforeTheEnd() {
        long end = 100 * DAY;
        long[] o = Origins.before(end, 0, 0.5);
        assertEquals(end - 12 * HOUR - Math.round(0.5 * 17 * HOUR), o[o.length - 1]);
        assertTrue(o[0] >= end - 45 * DAY && o[0] - 17 * HOUR < end - 45 * DAY);
        for (int k = 1; k < o.length; k++) {
            assertEquals(17 * HOUR, o[k] - o[k - 1]);
        }
        assertEquals(0, Origins.before(end, end, 0).length, "no origin before the warm-up ends");
    }
}
