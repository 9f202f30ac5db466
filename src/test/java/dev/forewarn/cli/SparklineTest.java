package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SparklineTest {

    @Test
    void risingValuesClimbFromLowestToHighestBlock() {
        assertEquals("▁▂▃▄▅▆▇█", Sparkline.of(new double[] {0, 1, 2, 3, 4, 5, 6, 7}, 8, true));
    }

    @Test
    void fewerValuesThanColumnsAreRightAlignedAndGapsStayBlank() {
        assertEquals("   ▁ █", Sparkline.of(new double[] {1, Double.NaN, 2}, 6, true));
    }

    @Test
    void moreValuesThanColumnsAreAveragedIntoTheWidth() {
        assertEquals("▁█", Sparkline.of(new double[] {0, 0, 0, 10, 10, 10}, 2, true));
    }

    @Test
    void aSeriesThatBarelyMovesIsDrawnFlatNotAsNoise() {
        String s = Sparkline.of(new double[] {1e12, 1e12 + 1, 1e12 - 1, 1e12}, 4, true);
        assertEquals(1, s.chars().distinct().count(), s);
    }

    @Test
    void asciiGlyphsWhenTheTerminalIsNotUtf8() {
        assertEquals("_#", Sparkline.of(new double[] {0, 1}, 2, false));
    }
}
