package dev.forewarn.sampling;

import java.io.IOException;

/**
 * Reads the space and inode counts of one mounted filesystem ({@code statvfs(3)}), so that
 * {@link FilesystemCollector} can refresh known mounts without listing them all again.
 */
public interface SpaceProbe {

    /**
     * The counts of one filesystem.
     *
     * @param totalBytes  size in bytes
     * @param freeBytes   free bytes, reserved blocks included
     * @param availBytes  bytes an unprivileged user may still write
     * @param inodes      inodes in total (0 when the filesystem has no fixed inode table)
     * @param inodesFree  inodes free
     */
    record Space(long totalBytes, long freeBytes, long availBytes, long inodes, long inodesFree) {
    }

    /** The counts of the filesystem mounted at {@code mount}; fails when it is gone. */
    Space read(String mount) throws IOException;
}
