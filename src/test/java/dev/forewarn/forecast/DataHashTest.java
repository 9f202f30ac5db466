package dev.forewarn.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DataHashTest {

    @Test
    void hashIsSha256OfBigEndianTimeAndValueBits() throws Exception {
        Series s = new Series(SeriesKey.of("fs.avail_bytes"), new long[] {1_000L, 2_000L}, new double[] {1.5, Double.NaN});
        ByteBuffer b = ByteBuffer.allocate(32);
        b.putLong(1_000L).putLong(Double.doubleToLongBits(1.5)).putLong(2_000L).putLong(0x7ff8000000000000L);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()));
        assertEquals(expected, DataHash.sha256(s));
    }
}
