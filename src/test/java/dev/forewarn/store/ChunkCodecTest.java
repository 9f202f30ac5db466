package dev.forewarn.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.store.ChunkCodec.Points;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkCodecTest {

    private static final long START = 1_700_000_000_000L / ChunkTable.SPAN_MILLIS * ChunkTable.SPAN_MILLIS;

    @Test
    void decodesExactlyWhatWasEncodedIncludingNanAndExtremes() {
        long[] t = {START, START + 1, START + 60_000, START + 60_001, START + 3_600_000, START + ChunkTable.SPAN_MILLIS - 1};
        double[] v = {0.0, -0.0, Double.NaN, Double.MAX_VALUE, -Double.MIN_VALUE, 1e-300};
        Points p = ChunkCodec.decode(START, ChunkCodec.encode(START, t, v, 0, t.length));
        assertArrayEquals(t, p.timesMillis());
        for (int i = 0; i < v.length; i++) {
            assertEquals(Double.doubleToRawLongBits(v[i]), Double.doubleToRawLongBits(p.values()[i]));
        }
    }

    @Test
    void randomSeriesRoundTripBitForBit() {
        Random rnd = new Random(42);
        for (int round = 0; round < 200; round++) {
            int n = 1 + rnd.nextInt(500);
            long[] t = new long[n];
            double[] v = new double[n];
            long time = START + rnd.nextInt(1000);
            for (int i = 0; i < n; i++) {
                t[i] = time;
                time += 1 + (rnd.nextBoolean() ? 60_000 + rnd.nextInt(50) - 25 : rnd.nextInt(2_000_000));
                v[i] = switch (rnd.nextInt(4)) {
                    case 0 -> rnd.nextDouble();
                    case 1 -> Math.round(rnd.nextGaussian() * 1e12);
                    case 2 -> i > 0 ? v[i - 1] : 1.0;
                    default -> Double.longBitsToDouble(rnd.nextLong());
                };
            }
            Points p = ChunkCodec.decode(START, ChunkCodec.encode(START, t, v, 0, n));
            assertArrayEquals(t, p.timesMillis());
            for (int i = 0; i < n; i++) {
                assertEquals(Double.doubleToRawLongBits(v[i]), Double.doubleToRawLongBits(p.values()[i]), "point " + i);
            }
        }
    }

    @Test
    void regularMinuteSamplesOfASlowlyChangingValueTakeAboutTwoBytesAPoint() {
        int n = 240;
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = START + i * 60_000L;
            v[i] = 50_000_000_000.0 - i * 4096.0 * (i % 3);
        }
        byte[] blob = ChunkCodec.encode(START, t, v, 0, n);
        assertTrue(blob.length < n * 5, "blob of " + blob.length + " bytes for " + n + " points");
    }

    @Test
    void loadAveragesWithTwoDecimalsAreStoredAsScaledIntegersInAboutOneByteAPoint() {
        int n = 240;
        long[] t = new long[n];
        double[] v = new double[n];
        Random rnd = new Random(5);
        double load = 0.5;
        for (int i = 0; i < n; i++) {
            t[i] = START + i * 60_000L + rnd.nextInt(200);
            load = load * 0.9 + rnd.nextDouble() * 0.2;
            v[i] = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.2f", load));
        }
        assertEquals(2, ChunkCodec.decimalScale(v, 0, n));
        byte[] blob = ChunkCodec.encode(START, t, v, 0, n);
        assertEquals(0, blob[0], "decimal form");
        assertTrue(blob.length < n * 3, "blob of " + blob.length + " bytes for " + n + " points");
        Points p = ChunkCodec.decode(START, blob);
        assertArrayEquals(t, p.timesMillis());
        assertArrayEquals(v, p.values());
        assertEquals(n, ChunkCodec.count(blob));
    }

    @Test
    void valuesThatAreNotShortDecimalsKeepTheGorillaForm() {
        assertEquals(-1, ChunkCodec.decimalScale(new double[] {1, Double.NaN}, 0, 2));
        assertEquals(-1, ChunkCodec.decimalScale(new double[] {-0.0}, 0, 1));
        assertEquals(-1, ChunkCodec.decimalScale(new double[] {0.1 + 0.2}, 0, 1));
        assertEquals(-1, ChunkCodec.decimalScale(new double[] {1e17}, 0, 1));
        assertEquals(0, ChunkCodec.decimalScale(new double[] {4096, -3, 0}, 0, 3));
        assertEquals(3, ChunkCodec.decimalScale(new double[] {0.125, 7}, 0, 2));
    }

    @Test
    void aFlippedByteIsDetected() {
        long[] t = {START, START + 60_000, START + 120_000};
        double[] v = {1, 2, 3};
        byte[] blob = ChunkCodec.encode(START, t, v, 0, 3);
        blob[blob.length / 2] ^= 0x10;
        assertThrows(IllegalStateException.class, () -> ChunkCodec.decode(START, blob));
    }
}
