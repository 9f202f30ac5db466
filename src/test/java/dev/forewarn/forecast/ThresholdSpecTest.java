package dev.forewarn.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.InMemorySeriesSource;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import org.junit.jupiter.api.Test;

class ThresholdSpecTest {

    private static final SeriesKey AVAIL = SeriesKey.of("fs.avail_bytes", "mount", "/var");

    @Test
    void readsNumbersWithDecimalAndBinaryUnits() {
        assertEquals(10e9, ThresholdSpec.parse("10G").value());
        assertEquals(10e9, ThresholdSpec.parse("10GB").value());
        assertEquals(10.0 * (1L << 30), ThresholdSpec.parse("10GiB").value());
        assertEquals(1.5e9, ThresholdSpec.parse("1.5e9").value());
        assertEquals(ThresholdSpec.Kind.PERCENT, ThresholdSpec.parse("5%").kind());
    }

    @Test
    void rejectsGibberishNamingTheForms() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ThresholdSpec.parse("lots"));
        assertTrue(e.getMessage().contains("10GiB"), e.getMessage());
    }

    @Test
    void percentIsTakenOfTheCompanionSizeWithTheSameLabels() {
        Series avail = new Series(AVAIL, new long[] {1_000, 2_000}, new double[] {30e9, 29e9});
        Series size = new Series(AVAIL.withName("fs.size_bytes"), new long[] {1_000, 2_000}, new double[] {100e9, 200e9});
        InMemorySeriesSource src = new InMemorySeriesSource().put(avail).put(size);
        ThresholdSpec.Resolved r = ThresholdSpec.parse("5%").resolve(src, AVAIL, avail, 1_500, null);
        assertEquals(5e9, r.value(), 1e-3); // the size known at the evaluation time, not the later resize
        assertEquals(Direction.DOWN, r.direction());
        assertTrue(r.origin().contains("fs.size_bytes{mount=\"/var\"}"), r.origin());
    }

    @Test
    void percentWithoutACompanionSaysWhatToGiveInstead() {
        SeriesKey load = SeriesKey.of("cpu.load5");
        Series s = new Series(load, new long[] {1_000}, new double[] {1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ThresholdSpec.parse("5%").resolve(new InMemorySeriesSource().put(s), load, s, 1_000, null));
        assertTrue(e.getMessage().contains("absolute threshold"), e.getMessage());
    }

    @Test
    void directionIsDownWhenTheThresholdLiesBelowThePresentValue() {
        SeriesKey temp = SeriesKey.of("sensor.cpu_celsius");
        Series s = new Series(temp, new long[] {1_000}, new double[] {60});
        InMemorySeriesSource src = new InMemorySeriesSource().put(s);
        assertEquals(Direction.UP, ThresholdSpec.parse("90").resolve(src, temp, s, 1_000, null).direction());
        assertEquals(Direction.DOWN, ThresholdSpec.parse("10").resolve(src, temp, s, 1_000, null).direction());
    }

    @Test
    void aUnitIsShownAsWrittenWithTheLevelBesideItWhereItReadsDifferently() {
        String n = "fs.avail_bytes";
        assertEquals("100 GiB (107 GB)", ThresholdSpec.parse("100GiB").shown(n, 100 * 1024.0 * 1024 * 1024, null));
        // G is decimal in the grammar, where df -h's G is binary: the level beside it says which was meant
        assertEquals("100 G (100 GB)", ThresholdSpec.parse("100G").shown(n, 100e9, null));
        assertEquals("100 GB", ThresholdSpec.parse("100GB").shown(n, 100e9, null));
        assertEquals("0 B", ThresholdSpec.parse("0").shown(n, 0, null));
        assertEquals("1.5 GB", ThresholdSpec.parse("1.5e9").shown(n, 1.5e9, null));
    }
}
