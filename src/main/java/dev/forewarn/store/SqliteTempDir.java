package dev.forewarn.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives the SQLite driver a directory of forewarn's own for its temporary work. On every start
 * sqlite-jdbc's native-library loader scans its temporary directory (the system property
 * {@code org.sqlite.tmpdir}, else {@code java.io.tmpdir}) and deletes what other JVMs left
 * there; a leftover it cannot delete (another user's, a directory) put a 40-line stack trace on
 * stderr, which cron mails, even under {@code check --quiet}. The wrapper points the property
 * at the directory it keeps the native libraries in; without it, this picks a private directory:
 * {@code java.io.tmpdir/forewarn-USER}, else {@code $XDG_CACHE_HOME/forewarn/sqlite}
 * ({@code ~/.cache} when unset), made mode 0700 and used only when it is a real directory owned
 * by this user and writable by no one else (the driver writes a native library there that this
 * process then loads, so another user's directory of that name is passed over).
 */
final class SqliteTempDir {

    static final String PROPERTY = "org.sqlite.tmpdir";

    private SqliteTempDir() {
    }

    /** Sets {@value #PROPERTY} unless it is set already; leaves the driver's default when no private directory can be had. */
    static void configure() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        for (Path dir : candidates(System.getenv())) {
            if (usable(dir)) {
                System.setProperty(PROPERTY, dir.toString());
                return;
            }
        }
    }

    static List<Path> candidates(Map<String, String> env) {
        List<Path> out = new ArrayList<>();
        String tmp = System.getProperty("java.io.tmpdir");
        String user = System.getProperty("user.name", "");
        if (tmp != null && user.matches("[A-Za-z0-9._-]+")) {
            out.add(Path.of(tmp, "forewarn-" + user));
        }
        String xdg = env.get("XDG_CACHE_HOME");
        String home = env.get("HOME");
        if (xdg != null && xdg.startsWith("/")) {
            out.add(Path.of(xdg, "forewarn", "sqlite"));
        } else if (home != null && home.startsWith("/")) {
            out.add(Path.of(home, ".cache", "forewarn", "sqlite"));
        }
        return out;
    }

    private static boolean usable(Path dir) {
        try {
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(dir.getParent());
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                    || !Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))) {
                return false;
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
            return !perms.contains(PosixFilePermission.GROUP_WRITE) && !perms.contains(PosixFilePermission.OTHERS_WRITE)
                    && Files.isWritable(dir);
        } catch (IOException | RuntimeException e) {
            return false; // a read-only home, no such user: the next candidate, or the driver's default
        }
    }
}
