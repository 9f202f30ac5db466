package dev.forewarn.sampling;

import com.sun.jna.Native;
import com.sun.jna.platform.linux.LibC;
import java.io.IOException;
import org.slf4j.LoggerFactory;

/**
 * {@link SpaceProbe} over the C library's {@code statvfs}, through JNA (already loaded by OSHI,
 * whose own filesystem listing calls the same function). One call costs microseconds, where
 * re-listing every filesystem through OSHI costs about two milliseconds.
 */
public final class StatvfsProbe implements SpaceProbe {

    private final LibC libc;
    private final LibC.Statvfs buffer = new LibC.Statvfs(); // reused: building a JNA Structure is the costly part

    private StatvfsProbe(LibC libc) {
        this.libc = libc;
    }

    /** The probe of this host, or null when the C library cannot be reached (not Linux, no JNA). */
    public static SpaceProbe create() {
        try {
            return new StatvfsProbe(LibC.INSTANCE);
        } catch (LinkageError | RuntimeException e) {
            LoggerFactory.getLogger(StatvfsProbe.class).debug("statvfs unavailable, filesystems are listed through OSHI each sample", e);
            return null;
        }
    }

    @Override
    public synchronized Space read(String mount) throws IOException {
        if (libc.statvfs(mount, buffer) != 0) {
            throw new IOException("statvfs " + mount + ": errno " + Native.getLastError());
        }
        long unit = buffer.f_frsize.longValue() > 0 ? buffer.f_frsize.longValue() : buffer.f_bsize.longValue();
        return new Space(
                buffer.f_blocks.longValue() * unit,
                buffer.f_bfree.longValue() * unit,
                buffer.f_bavail.longValue() * unit,
                buffer.f_files.longValue(),
                buffer.f_ffree.longValue());
    }
}
