package dev.forewarn.store;

import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Packs the raw points of one series in one chunk window into a compact blob, Gorilla style:
 * times as delta-of-delta in variable-width bit buckets (a regular interval costs one bit a
 * point), values as the XOR with the previous value's IEEE-754 bits, keeping only the
 * meaningful bits (an unchanged value costs one bit). A CRC-32 closes the blob so that damage
 * SQLite cannot see (bytes inside a blob) is still detected.
 *
 * <p>Hand-written because no maintained Java library offers this encoding without a whole
 * time-series database around it; the format is small and fully covered by tests.
 *
 * <p>Values whose chunk is all integers, or all decimals of up to 9 places (load averages,
 * byte counts), are written instead as deltas of the scaled integers, when that is smaller.
 *
 * <p>Layout: [0x00, decimal places] for the decimal form; varint point count; the bit stream
 * (first time as offset from the window start, then delta-of-deltas; Gorilla: first value's
 * 64 bits, then XOR codes; decimal: deltas of the scaled integers), padded to a byte; then
 * the CRC-32 of everything before it (4 bytes, big-endian).
 */
final class ChunkCodec {

    /** Decoded points of a chunk: times in epoch milliseconds, strictly increasing. */
    record Points(long[] timesMillis, double[] values) {
        int size() {
            return timesMillis.length;
        }
    }

    private ChunkCodec() {
    }

    /**
     * Encodes {@code n} points (times strictly increasing, all at or after {@code windowStartMillis}),
     * as decimals when every value is an integer or has few decimals and that is smaller, else Gorilla.
     */
    static byte[] encode(long windowStartMillis, long[] times, double[] values, int from, int to) {
        if (to - from <= 0) {
            throw new IllegalArgumentException("empty chunk");
        }
        byte[] gorilla = encode(windowStartMillis, times, values, from, to, -1);
        int scale = decimalScale(values, from, to);
        if (scale < 0) {
            return gorilla;
        }
        byte[] decimal = encode(windowStartMillis, times, values, from, to, scale);
        return decimal.length < gorilla.length ? decimal : gorilla;
    }

    /**
     * The fewest decimals (0 to 9) with which every value is {@code k / 10^d} for an integer k,
     * exactly, bit for bit; -1 when there is none (NaN, -0.0, full-precision doubles).
     */
    static int decimalScale(double[] values, int from, int to) {
        next:
        for (int d = 0; d < POW10.length; d++) {
            for (int i = from; i < to; i++) {
                double x = values[i];
                if (!Double.isFinite(x)) {
                    return -1;
                }
                double scaled = Math.rint(x * POW10[d]);
                if (Math.abs(scaled) >= 0x1p53) {
                    return -1;
                }
                if (Double.doubleToRawLongBits((long) scaled / POW10[d]) != Double.doubleToRawLongBits(x)) {
                    continue next;
                }
            }
            return d;
        }
        return -1;
    }

    private static final double[] POW10 = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

    private static byte[] encode(long windowStartMillis, long[] times, double[] values, int from, int to, int scale) {
        int n = to - from;
        BitOut out = new BitOut(16 + n * 4);
        if (scale >= 0) {
            // A zero byte cannot start a Gorilla chunk (its point count is at least 1): it marks the decimal form.
            out.bits(0, 8);
            out.bits(scale, 8);
        }
        out.varint(n);
        long prevK = 0;
        long prevTime = windowStartMillis;
        long prevDelta = 0;
        long prevBits = 0;
        int prevLead = -1;
        int prevTrail = 0;
        for (int i = from; i < to; i++) {
            long delta = times[i] - prevTime;
            writeDod(out, delta - prevDelta);
            prevDelta = delta;
            prevTime = times[i];
            if (scale >= 0) {
                long k = (long) Math.rint(values[i] * POW10[scale]);
                writeDelta(out, k - prevK);
                prevK = k;
                continue;
            }
            long bits = Double.doubleToRawLongBits(values[i]);
            if (i == from) {
                out.bits(bits, 64);
            } else {
                long xor = bits ^ prevBits;
                if (xor == 0) {
                    out.bit(0);
                } else {
                    int lead = Long.numberOfLeadingZeros(xor);
                    int trail = Long.numberOfTrailingZeros(xor);
                    if (prevLead >= 0 && lead >= prevLead && trail >= prevTrail) {
                        out.bits(0b10, 2);
                        out.bits(xor >>> prevTrail, 64 - prevLead - prevTrail);
                    } else {
                        int sig = 64 - lead - trail;
                        out.bits(0b11, 2);
                        out.bits(lead, 6);
                        out.bits(sig - 1, 6);
                        out.bits(xor >>> trail, sig);
                        prevLead = lead;
                        prevTrail = trail;
                    }
                }
            }
            prevBits = bits;
        }
        byte[] body = out.toBytes();
        CRC32 crc = new CRC32();
        crc.update(body);
        byte[] blob = Arrays.copyOf(body, body.length + 4);
        long c = crc.getValue();
        for (int k = 0; k < 4; k++) {
            blob[body.length + k] = (byte) (c >>> (24 - 8 * k));
        }
        return blob;
    }

    /**
     * Decodes a blob written by {@link #encode}.
     *
     * @throws IllegalStateException when the CRC or the structure does not match (a damaged chunk)
     */
    static Points decode(long windowStartMillis, byte[] blob) {
        if (blob == null || blob.length < 5) {
            throw new IllegalStateException("chunk too short");
        }
        CRC32 crc = new CRC32();
        crc.update(blob, 0, blob.length - 4);
        long stored = 0;
        for (int k = 0; k < 4; k++) {
            stored = (stored << 8) | (blob[blob.length - 4 + k] & 0xFF);
        }
        if (crc.getValue() != stored) {
            throw new IllegalStateException("chunk checksum mismatch");
        }
        BitIn in = new BitIn(blob, blob.length - 4);
        int scale = -1;
        if (blob[0] == 0) {
            in.bits(8);
            scale = (int) in.bits(8);
            if (scale >= POW10.length) {
                throw new IllegalStateException("bad decimal scale " + scale);
            }
        }
        long n = in.varint();
        if (n <= 0 || n > blob.length * 8L) {
            throw new IllegalStateException("bad point count " + n);
        }
        long[] times = new long[(int) n];
        double[] values = new double[(int) n];
        long prevTime = windowStartMillis;
        long prevDelta = 0;
        long prevBits = 0;
        int prevLead = 0;
        int prevTrail = 0;
        long prevK = 0;
        for (int i = 0; i < n; i++) {
            long delta = prevDelta + readDod(in);
            prevTime += delta;
            prevDelta = delta;
            times[i] = prevTime;
            if (scale >= 0) {
                prevK += readDelta(in);
                values[i] = prevK / POW10[scale];
                continue;
            }
            long bits;
            if (i == 0) {
                bits = in.bits(64);
            } else if (in.bit() == 0) {
                bits = prevBits;
            } else if (in.bit() == 0) {
                bits = prevBits ^ (in.bits(64 - prevLead - prevTrail) << prevTrail);
            } else {
                prevLead = (int) in.bits(6);
                int sig = (int) in.bits(6) + 1;
                prevTrail = 64 - prevLead - sig;
                if (prevTrail < 0) {
                    throw new IllegalStateException("bad value code");
                }
                bits = prevBits ^ (in.bits(sig) << prevTrail);
            }
            values[i] = Double.longBitsToDouble(bits);
            prevBits = bits;
        }
        return new Points(times, values);
    }

    /** Reads only the point count of a blob (for bookkeeping that need not decode). */
    static int count(byte[] blob) {
        BitIn in = new BitIn(blob, blob.length - 4);
        if (blob[0] == 0) {
            in.bits(16);
        }
        return (int) in.varint();
    }

    private static void writeDod(BitOut out, long dod) {
        long z = (dod << 1) ^ (dod >> 63);
        if (z == 0) {
            out.bit(0);
        } else if (z < (1L << 7)) {
            out.bits(0b10, 2);
            out.bits(z, 7);
        } else if (z < (1L << 12)) {
            out.bits(0b110, 3);
            out.bits(z, 12);
        } else if (z < (1L << 24)) {
            out.bits(0b1110, 4);
            out.bits(z, 24);
        } else {
            out.bits(0b1111, 4);
            out.bits(z, 64);
        }
    }

    /** A value delta in the decimal form: zigzag, in buckets of 0, 6, 13, 20 or 64 bits. */
    private static void writeDelta(BitOut out, long delta) {
        long z = (delta << 1) ^ (delta >> 63);
        if (z == 0) {
            out.bit(0);
        } else if (z < (1L << 6)) {
            out.bits(0b10, 2);
            out.bits(z, 6);
        } else if (z < (1L << 13)) {
            out.bits(0b110, 3);
            out.bits(z, 13);
        } else if (z < (1L << 20)) {
            out.bits(0b1110, 4);
            out.bits(z, 20);
        } else {
            out.bits(0b1111, 4);
            out.bits(z, 64);
        }
    }

    private static long readDelta(BitIn in) {
        long z;
        if (in.bit() == 0) {
            return 0;
        } else if (in.bit() == 0) {
            z = in.bits(6);
        } else if (in.bit() == 0) {
            z = in.bits(13);
        } else if (in.bit() == 0) {
            z = in.bits(20);
        } else {
            z = in.bits(64);
        }
        return (z >>> 1) ^ -(z & 1);
    }

    private static long readDod(BitIn in) {
        long z;
        if (in.bit() == 0) {
            return 0;
        } else if (in.bit() == 0) {
            z = in.bits(7);
        } else if (in.bit() == 0) {
            z = in.bits(12);
        } else if (in.bit() == 0) {
            z = in.bits(24);
        } else {
            z = in.bits(64);
        }
        return (z >>> 1) ^ -(z & 1);
    }

    /** Big-endian bit writer over a growing byte array. */
    private static final class BitOut {
        private byte[] buf;
        private long bitPos;

        BitOut(int capacity) {
            buf = new byte[Math.max(capacity, 16)];
        }

        void varint(long v) {
            while ((v & ~0x7FL) != 0) {
                bits((v & 0x7F) | 0x80, 8);
                v >>>= 7;
            }
            bits(v, 8);
        }

        void bit(int b) {
            bits(b, 1);
        }

        void bits(long value, int count) {
            for (int remaining = count; remaining > 0; ) {
                int byteIndex = (int) (bitPos >>> 3);
                if (byteIndex >= buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                int free = 8 - (int) (bitPos & 7);
                int take = Math.min(free, remaining);
                int piece = (int) ((value >>> (remaining - take)) & ((1 << take) - 1));
                buf[byteIndex] |= (byte) (piece << (free - take));
                remaining -= take;
                bitPos += take;
            }
        }

        byte[] toBytes() {
            return Arrays.copyOf(buf, (int) ((bitPos + 7) >>> 3));
        }
    }

    /** Big-endian bit reader that fails on reading past its end. */
    private static final class BitIn {
        private final byte[] buf;
        private final long limitBits;
        private long bitPos;

        BitIn(byte[] buf, int limitBytes) {
            this.buf = buf;
            this.limitBits = limitBytes * 8L;
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                long b = bits(8);
                v |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw new IllegalStateException("bad varint");
        }

        int bit() {
            return (int) bits(1);
        }

        long bits(int count) {
            if (bitPos + count > limitBits) {
                throw new IllegalStateException("chunk ends early");
            }
            long v = 0;
            for (int remaining = count; remaining > 0; ) {
                int b = buf[(int) (bitPos >>> 3)] & 0xFF;
                int avail = 8 - (int) (bitPos & 7);
                int take = Math.min(avail, remaining);
                int piece = (b >>> (avail - take)) & ((1 << take) - 1);
                v = (v << take) | piece;
                remaining -= take;
                bitPos += take;
            }
            return v;
        }
    }
}
