package dev.forewarn.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Turns file-system and SQLite failures into one {@link StoreException} whose message names the
 * store file, says what is wrong and what to do. Kept apart so every path through the store
 * speaks the same way.
 */
final class StoreErrors {

    private StoreErrors() {
    }

    /** Checks a path before a writing open: not a directory, parent creatable, file writable by its mode. */
    static void checkWritablePath(Path file) {
        if (Files.isDirectory(file)) {
            throw new StoreException(file, "the store " + file + " is a directory: give --store a file path such as "
                    + file.resolve("forewarn.db"));
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new StoreException(file, "cannot create the directory " + parent + " for the store " + file
                        + " (" + describe(e) + "): create it with write access, or choose another --store", e);
            }
        }
        if (Files.exists(file) && !writableByMode(file)) {
            Path target = realPath(file);
            throw new StoreException(file, "the store " + file + (target.equals(file) ? "" : " (a link to " + target + ")")
                    + " is read-only: make it writable (chmod u+w " + target + ") or choose another --store");
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new StoreException(file, "the store " + file + " is not writable by this user (it belongs to "
                    + owner(file) + "): run as that user (sudo) or choose another --store");
        }
        if (!Files.exists(file) && parent != null && !Files.isWritable(parent)) {
            throw new StoreException(file, "cannot create the store " + file + ": the directory " + parent
                    + " is not writable; fix its permissions or choose another --store");
        }
    }

    /**
     * What to do with a damaged store, naming its {@code -wal} and {@code -shm}: a restored file
     * beside the damaged store's old write-ahead log would be "recovered" from that log, and corrupted.
     */
    static String restoreAdvice(Path file) {
        String name = file.getFileName().toString();
        return "restore it from a backup after removing " + name + "-wal and " + name + "-shm beside it (an old -wal"
                + " replayed into a restored file corrupts it), or move all three aside (a new store is started on the next sample)";
    }

    /**
     * True when the store's file is empty (0 bytes) and no write-ahead log holds its contents: a
     * store not started yet. Writers start it as they would a missing one; readers say there are
     * no samples yet, as for a missing one.
     */
    static boolean notStarted(Path file) {
        try {
            Path wal = file.resolveSibling(file.getFileName() + "-wal");
            return Files.size(file) == 0 && (!Files.exists(wal) || Files.size(wal) == 0);
        } catch (IOException e) {
            return false;
        }
    }

    /** Checks a path before a read-only open: it must exist and be a file. */
    static void checkReadablePath(Path file) {
        if (Files.isDirectory(file)) {
            throw new StoreException(file, "the store " + file + " is a directory: give --store a file path such as "
                    + file.resolve("forewarn.db"));
        }
        if (!Files.exists(file)) {
            throw new StoreException(file, "no store at " + file + ": run 'forewarn sample' or 'forewarn import' first,"
                    + " or point --store (or FOREWARN_STORE) at an existing store");
        }
        if (!Files.isReadable(file)) {
            throw new StoreException(file, "cannot read the store " + file + ": permission denied; run as a user who"
                    + " can read it, or fix its permissions");
        }
        if (notStarted(file)) {
            throw new StoreException(file, "the store " + file + " is empty (a zero-length file: no samples yet): run"
                    + " 'forewarn sample' or 'forewarn import' first, or point --store (or FOREWARN_STORE) at another store");
        }
    }

    /**
     * False when the file's mode denies its owner writing it. Root may write any file, but a store
     * whose mode says read-only was made so on purpose, so forewarn honours the mode even as root.
     */
    static boolean writableByMode(Path file) {
        // The mode of what is written: through a symbolic link, its target's (a link's own mode is always 777).
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        try {
            if (view != null && !view.readAttributes().permissions().contains(PosixFilePermission.OWNER_WRITE)) {
                return false;
            }
        } catch (IOException e) {
            return true;
        }
        return true;
    }

    private static Path realPath(Path file) {
        try {
            return Files.isSymbolicLink(file) ? file.toRealPath() : file;
        } catch (IOException e) {
            return file;
        }
    }

    private static String owner(Path file) {
        try {
            return Files.getOwner(file).getName();
        } catch (IOException | UnsupportedOperationException e) {
            return "another user";
        }
    }

    /** The one message for an SQLite failure while {@code doing} something with the store. */
    static StoreException map(Path file, SQLException e, String doing) {
        SQLiteErrorCode code = e instanceof SQLiteException se ? se.getResultCode() : null;
        int primary = code == null ? e.getErrorCode() & 0xFF : code.code & 0xFF;
        String what = switch (primary) {
            case 5, 6 -> "the store " + file + " is locked by another process (waited for it in vain while " + doing
                    + "): try again when it is done; 'fuser " + file + "' shows who holds it";
            case 11, 26 -> "the store " + file + " is damaged (" + detail(e) + "): run 'forewarn store check --store " + file
                    + "', then " + restoreAdvice(file);
            case 13 -> "the disk holding the store " + file + " is full (while " + doing
                    + "): free some space and try again; nothing of this write was stored";
            case 8 -> "the store " + file + " is read-only (while " + doing + "): fix the permissions of the file and"
                    + " its directory, or choose another --store";
            case 14 -> "cannot open the store " + file + " (" + detail(e) + "): check that its directory exists and is"
                    + " writable, or choose another --store";
            case 3 -> "permission denied on the store " + file + ": fix its permissions or choose another --store";
            // A full filesystem that SQLite meets while growing its shared-memory index, not
            // while writing pages, comes back as an I/O error rather than SQLITE_FULL.
            case 10 -> {
                long free = freeBytes(file);
                yield free < NEARLY_FULL_BYTES
                        ? "the disk holding the store " + file + " is full (" + free / 1024 + " KiB free, while " + doing
                                + "): free some space and try again; what the store held is kept, and nothing was written"
                        : "disk I/O error on the store " + file + " while " + doing + " (" + detail(e)
                                + "): check the disk (dmesg), then run 'forewarn store check'";
            }
            default -> "the store " + file + " failed while " + doing + ": " + detail(e);
        };
        return new StoreException(file, what, e);
    }

    /** Below this much free space (1 MiB) a store's filesystem counts as full: SQLite grows its files in 32 KiB steps. */
    static final long NEARLY_FULL_BYTES = 1 << 20;

    /** The bytes this user may still write on the filesystem of {@code file}, or {@code Long.MAX_VALUE} when unknown. */
    static long freeBytes(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            return dir == null ? Long.MAX_VALUE : Files.getFileStore(dir).getUsableSpace();
        } catch (IOException | SecurityException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The message for a chunk whose bytes do not decode: damage SQLite's own check cannot see. */
    static StoreException damagedChunk(Path file, String where, RuntimeException e) {
        return new StoreException(file, "the store " + file + " is damaged (" + where + ": " + e.getMessage()
                + "): run 'forewarn store check --store " + file + "', then " + restoreAdvice(file), e);
    }

    private static String detail(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // sqlite-jdbc prefixes "[SQLITE_CORRUPT] The database disk image is malformed (...)": keep the plain words.
        int close = m.indexOf("] ");
        return (m.startsWith("[") && close > 0 ? m.substring(close + 2) : m).strip();
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getClass().getSimpleName().replace("Exception", "") + (e.getMessage() == null ? "" : " " + e.getMessage());
    }
}
