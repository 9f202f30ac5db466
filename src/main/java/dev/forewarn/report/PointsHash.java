package dev.forewarn.report;

import dev.forewarn.series.Series;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 of points, so a reader can prove the report was computed from the data it names:
 * the canonical series text in UTF-8, a zero byte, then per point the epoch milliseconds and
 * the IEEE-754 bits of the value, both 8 bytes big-endian. Any changed, added or removed point
 * changes the hash.
 */
public final class PointsHash {

    private PointsHash() {
    }

    /** Hex SHA-256 of one series' points. */
    public static String of(Series s) {
        MessageDigest md = sha256();
        md.update(s.key().toString().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        ByteBuffer buf = ByteBuffer.allocate(16 * 1024);
        for (int i = 0; i < s.size(); i++) {
            if (buf.remaining() < 16) {
                md.update(buf.array(), 0, buf.position());
                buf.clear();
            }
            buf.putLong(s.timeMillis(i)).putLong(Double.doubleToLongBits(s.value(i)));
        }
        md.update(buf.array(), 0, buf.position());
        return HexFormat.of().formatHex(md.digest());
    }

    /** Hex SHA-256 over a list of hex hashes, in order: the report's one fingerprint. */
    public static String combine(List<String> hashes) {
        MessageDigest md = sha256();
        for (String h : hashes) {
            md.update(h.getBytes(StandardCharsets.US_ASCII));
            md.update((byte) '\n');
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
