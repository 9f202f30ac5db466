package dev.forewarn.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NumberTextTimeTest {

    @Test
    void timesWithinTheReadableRangePass() {
        assertEquals(1L << 50, NumberText.checkedMillis(1L << 50, "x"));
        assertEquals(-(1L << 50), NumberText.checkedMillis(-(1L << 50), "x"));
        assertEquals(1_773_446_400_000L, NumberText.epochMillis("1773446400"));
        assertEquals(1_773_446_400_000L, NumberText.epochMillis("1773446400000"));
    }

    @Test
    void beyondTheRangeIsRefusedAndUnitMixUpsAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NumberText.checkedMillis(5_000_000_000_000_000L, "t"))
                .getMessage().contains("out of range"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NumberText.checkedMillis(1_773_446_400_000_000L, "t"))
                .getMessage().contains("microseconds"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NumberText.epochMillis("1e30"))
                .getMessage().contains("out of range"));
        String longText = "9".repeat(500);
        String m = assertThrows(IllegalArgumentException.class, () -> NumberText.epochMillis(longText)).getMessage();
        assertTrue(m.length() < 200, m);
    }
}
