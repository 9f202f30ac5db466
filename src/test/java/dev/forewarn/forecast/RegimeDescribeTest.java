package dev.forewarn.forecast;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.Units;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The method's words say where the fitted points start, which is not always the level shift. */
class RegimeDescribeTest {

    private static final long DAY = 86_400_000L;
    private static final long AT = 1_796_000_000_000L;

    @Test
    void aRegimeOlderThanTheWindowIsNotSaidToStartTheFit() {
        // the shift is 40 days back, the window capped at 35: the old words read "the 35 days since the rise of <40 days ago>"
        LevelShifts.Shift shift = new LevelShifts.Shift(0, AT - 40 * DAY, 5.84e9);
        Regime r = new Regime(AT - 35 * DAY, List.of(), shift, AT, false);
        String words = r.describe(Units.BYTES);
        assertFalse(words.startsWith("the 35 days since"), words);
        assertTrue(words.startsWith("the last 35 days (the longest span fitted; the present trend began after the rise of 5.84 GB on "), words);
    }

    @Test
    void aWindowStartingAtTheShiftSaysSince() {
        LevelShifts.Shift shift = new LevelShifts.Shift(0, AT - 10 * DAY, -3e9);
        Regime r = new Regime(AT - 10 * DAY, List.of(), shift, AT, false);
        assertTrue(r.describe(Units.BYTES).startsWith("the 10 days since the drop of 3 GB of "), r.describe(Units.BYTES));
    }
}
