package dev.forewarn.forecast;

import dev.forewarn.series.Series;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code data_sha256} of a projection: SHA-256, lower-case hex, over the points the engine
 * read. Canonical byte form (the same as {@code report.PointsHash}, so {@code report --verify}
 * can recompute it): the series key's canonical text ({@link dev.forewarn.series.SeriesKey#toString()})
 * in UTF-8, one zero byte, then for each point in time order its time as an 8-byte big-endian
 * signed epoch-millisecond count and its value as the 8-byte big-endian IEEE-754 bits of
 * {@link Double#doubleToLongBits(double)} (every NaN collapses to one bit pattern). The points
 * are the raw stored values (counters before their conversion to rates) of the series handed to
 * the engine with time at or before the evaluation time.
 */
public final class DataHash {

    private DataHash() {
    }

    /** Hex SHA-256 of the series' points in the canonical form above. */
    public static String sha256(Series s) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        md.update(s.key().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        md.update((byte) 0);
        byte[] buf = new byte[16 * 4096];
        int pos = 0;
        for (int i = 0; i < s.size(); i++) {
            if (pos == buf.length) {
                md.update(buf, 0, pos);
                pos = 0;
            }
            pos = putLong(buf, pos, s.timeMillis(i));
            pos = putLong(buf, pos, Double.doubleToLongBits(s.value(i)));
        }
        md.update(buf, 0, pos);
        return HexFormat.of().formatHex(md.digest());
    }

    private static int putLong(byte[] b, int pos, long v) {
        for (int k = 7; k >= 0; k--) {
            b[pos + k] = (byte) v;
            v >>>= 8;
        }
        return pos + 8;
    }
}
