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
    void hashIsSha256OfKeyZeroByteThenBigEndianTimeAndValueBits() throws Exception {
        Series s = new Series(SeriesKey.of("fs.avail_bytes"), new long[] {1_000L, 2_000L}, new double[] {1.5, Double.NaN});
        ByteBuffer b = ByteBuffer.allocate(32);
        b.putLong(1_000L).putLong(Double.doubleToLongBits(1.5)).putLong(2_000L).putLong(0x7ff8000000000000L);
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update("fs.avail_bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        md.update((byte) 0);
        String expected = HexFormat.of().formatHex(md.digest(b.array()));
        assertEquals(expected, DataHash.sha256(s));
    }
}
