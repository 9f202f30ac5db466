package dev.forewarn.forecast;

import dev.forewarn.series.Series;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code data_sha256} of a projection: SHA-256, lower-case hex, over the points the engine
 * read, in time order. Canonical byte form, so that {@code report --verify} can recompute it from
 * the same points: for each point, its time as an 8-byte big-endian signed epoch-millisecond
 * count, then its value as the 8-byte big-endian IEEE-754 bits of
 * {@link Double#doubleToLongBits(double)} (every NaN collapses to one bit pattern). Nothing
 * else: no series key, no separators, no header. The points are the raw stored values (counters
 * before their conversion to rates) with time at or before the evaluation time.
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
        ByteBuffer buf = ByteBuffer.allocate(16 * 4096); // big-endian by default
        for (int i = 0; i < s.size(); i++) {
            if (buf.remaining() < 16) {
                md.update(buf.array(), 0, buf.position());
                buf.clear();
            }
            buf.putLong(s.timeMillis(i));
            buf.putLong(Double.doubleToLongBits(s.value(i)));
        }
        md.update(buf.array(), 0, buf.position());
        return HexFormat.of().formatHex(md.digest());
    }
}
