package dev.forewarn.store;

import dev.forewarn.series.Selector;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.series.SeriesSource;
import dev.forewarn.store.ChunkCodec.Points;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The history of every series, in one SQLite file. Times are epoch milliseconds; values are in
 * the unit the metric name says, NaN for a missing reading.
 *
 * <p>Layout (see {@link Migrations}): a {@code series} table (id, name, canonical key text); a
 * small {@code head} table that takes each sample cheaply; compact {@code chunk} blobs, one per
 * series per 4-hour window ({@link ChunkCodec}), into which the head is folded when a sample
 * opens a new window, on import and on {@link #vacuum}; hourly {@code rollup} rows (min, max,
 * avg, last) for raw points older than the raw retention. The file runs in WAL mode with
 * {@code synchronous=NORMAL} and a busy timeout, and every write is one {@code BEGIN IMMEDIATE}
 * transaction, so concurrent writers wait for each other and a killed process loses nothing
 * it committed.
 *
 * <p>Not thread-safe: one instance per thread (SQLite serialises writers across processes).
 */
public final class SampleStore implements SeriesSource, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SampleStore.class);

    static {
        // before the driver's first connection loads its native library
        SqliteTempDir.configure();
    }
    /** Times outside ±2^50 ms (35,000 years) are clamped so that window arithmetic cannot overflow. */
    private static final long TIME_LIMIT = 1L << 50;

    /** Work on the store's connection inside a transaction; SQL failures become {@link StoreException}s. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path file;
    private final Connection conn;
    private final boolean readOnly;
    private final StoreOptions options;
    private final ChunkTable chunks;
    private final ChunkTable.BlobCheck check;
    private final Map<String, Long> ids = new HashMap<>();
    private final Map<String, Long> pendingIds = new HashMap<>();
    private final Set<String> warnedUnreadable = new java.util.HashSet<>();
    private long seriesGeneration = Long.MIN_VALUE;
    private PreparedStatement idLookup;
    /** The wall clock, epoch ms, that retention is capped at; tests set a clock that jumps. */
    LongSupplier clock = System::currentTimeMillis;

    private SampleStore(Path file, Connection conn, boolean readOnly, StoreOptions options) {
        this.file = file;
        this.conn = conn;
        this.readOnly = readOnly;
        this.options = options;
        this.chunks = new ChunkTable(conn);
        this.check = (id, w, blob) -> {
            try {
                return ChunkCodec.decode(w * ChunkTable.SPAN_MILLIS, blob);
            } catch (IllegalStateException | IndexOutOfBoundsException e) {
                throw StoreErrors.damagedChunk(file, "chunk of series " + id + " at "
                        + Instant.ofEpochMilli(w * ChunkTable.SPAN_MILLIS), new IllegalStateException(e.getMessage(), e));
            }
        };
    }

    /** Opens (creating when missing, with its directories) a store for writing, with default retention. */
    public static SampleStore open(Path file) {
        return open(file, StoreOptions.DEFAULTS);
    }

    /** Opens (creating when missing) a store for writing; brings its schema up to date. */
    public static SampleStore open(Path file, StoreOptions options) {
        StoreErrors.checkWritablePath(file);
        SampleStore s = new SampleStore(file, connect(file, options, false), false, options);
        try {
            s.migrate();
        } catch (RuntimeException e) {
            s.closeQuietly();
            throw e;
        }
        return s;
    }

    /**
     * True when {@code file} exists and may not be written: by its permissions for this user, or
     * by its mode (through links, the target's), which forewarn honours even for root. Such a
     * store is judged read-only rather than refused.
     */
    public static boolean isReadOnlyFile(Path file) {
        return Files.exists(file) && (!Files.isWritable(file) || !StoreErrors.writableByMode(file));
    }

    /** What to do with a damaged store: restore it, minding its {@code -wal} and {@code -shm}, or move them all aside. */
    public static String restoreAdvice(Path file) {
        return StoreErrors.restoreAdvice(file);
    }

    /**
     * True when the disk holding {@code file} has less than 1 MiB free for this user: SQLite may
     * then fail to make even the shared-memory index a reader needs.
     */
    public static boolean isOnFullDisk(Path file) {
        return StoreErrors.freeBytes(file) < StoreErrors.NEARLY_FULL_BYTES;
    }

    /** Opens an existing store for reading only; fails clearly when it does not exist. */
    public static SampleStore openReadOnly(Path file) {
        return openReadOnly(file, StoreOptions.DEFAULTS);
    }

    /** Opens an existing store for reading only, with the given options. */
    public static SampleStore openReadOnly(Path file, StoreOptions options) {
        StoreErrors.checkReadablePath(file);
        try {
            return openReadOnly(file, options, false);
        } catch (StoreException e) {
            if (!(e.getCause() instanceof SQLException se) || !(isReadOnlyRefusal(se) || isFullDiskRefusal(file, se))) {
                throw e;
            }
            // A WAL store whose writer (root's cron) has closed has no -wal/-shm files, and a user who may
            // not write its directory cannot create them: read the file as it was last checkpointed instead.
            long walBytes = walBytes(file);
            SampleStore s;
            try {
                s = openReadOnly(file, options, true);
            } catch (StoreException unreadable) {
                if (walBytes == 0) {
                    throw unreadable;
                }
                throw new StoreException(file, "cannot read the store " + file + ": all it holds is still in " + file
                        + "-wal, which this user cannot read without creating " + file.getFileName() + "-shm in a directory"
                        + " it may not write; run as the store's owner, or let the owner's next 'forewarn sample' fold it in", e);
            }
            warnIfWalUnread(file, walBytes);
            return s;
        }
    }

    /**
     * Read as of the last checkpoint, a store whose writer was killed has its newest commits only
     * in the {@code -wal} file, which SQLite cannot read without the {@code -shm} index this user
     * cannot create: say so (one line on stderr) rather than show old figures as current.
     */
    private static void warnIfWalUnread(Path file, long bytes) {
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        if (bytes > 0) {
            LOG.warn("the store {} is read as of its last checkpoint: its newest writes are in {} ({} KiB), which this user"
                    + " cannot read without creating {}-shm in a directory it may not write; run as the store's owner,"
                    + " or let the owner's next 'forewarn sample' fold them in", file, wal, (bytes + 1023) / 1024, file.getFileName());
        }
    }

    /** The size of the store's write-ahead log, 0 when there is none. */
    private static long walBytes(Path file) {
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        try {
            return Files.exists(wal) ? Files.size(wal) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * SQLITE_IOERR (10) or SQLITE_FULL (13) on a nearly full disk: a reader could not create the
     * {@code -shm} index, so a read command on a full disk (where it matters most) reads without it.
     */
    private static boolean isFullDiskRefusal(Path file, SQLException e) {
        int code = (e instanceof org.sqlite.SQLiteException se ? se.getResultCode().code : e.getErrorCode()) & 0xFF;
        return (code == 10 || code == 13) && isOnFullDisk(file);
    }

    private static boolean isReadOnlyRefusal(SQLException e) {
        int code = (e instanceof org.sqlite.SQLiteException se ? se.getResultCode().code : e.getErrorCode()) & 0xFF;
        return code == 8 || code == 14;
    }

    private static SampleStore openReadOnly(Path file, StoreOptions options, boolean immutable) {
        SampleStore s = new SampleStore(file, immutable ? connectImmutable(file, options) : connect(file, options, true), true, options);
        try {
            int v = s.inReadTransaction("reading its schema version", SampleStore::userVersion);
            if (v == 0) {
                throw new StoreException(file, "the file " + file + " is not a forewarn store (it has no forewarn schema):"
                        + " point --store at a store forewarn wrote");
            }
            s.checkNotNewer(v);
            if (v < Migrations.latest()) {
                throw new StoreException(file, "the store " + file + " has an older schema (" + v + " < "
                        + Migrations.latest() + "): run 'forewarn store vacuum --store " + file + "' once to upgrade it");
            }
        } catch (RuntimeException e) {
            s.closeQuietly();
            throw e;
        }
        return s;
    }

    private static Connection connectImmutable(Path file, StoreOptions options) {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        cfg.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, options.busyTimeoutMillis()));
        try {
            return cfg.createConnection("jdbc:sqlite:file:" + file.toAbsolutePath().toUri().getRawPath() + "?immutable=1");
        } catch (SQLException e) {
            throw StoreErrors.map(file, e, "opening it");
        }
    }

    private static Connection connect(Path file, StoreOptions options, boolean readOnly) {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, options.busyTimeoutMillis()));
        if (readOnly) {
            cfg.setReadOnly(true);
        } else {
            cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
            cfg.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        }
        // Two processes creating the same new store at once (two cron jobs, sample beside check)
        // can make SQLite fail the opener's fstat() while the other sets up WAL; busy_timeout does
        // not cover that, so opening retries a few times before it reports the error.
        for (int attempt = 1; ; attempt++) {
            try {
                return cfg.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            } catch (SQLException e) {
                if (attempt >= OPEN_ATTEMPTS || !isTransientOpenError(e)) {
                    throw StoreErrors.map(file, e, "opening it");
                }
                sleepQuietly(20L * attempt);
            }
        }
    }

    /** Tries at opening a store before a transient error is reported (about 0.4 s in all). */
    private static final int OPEN_ATTEMPTS = 6;

    /** SQLITE_BUSY (5) and SQLITE_IOERR (10), the primary codes a concurrent creation produces. */
    private static boolean isTransientOpenError(SQLException e) {
        int primary = e.getErrorCode() & 0xff;
        return primary == 5 || primary == 10;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void migrate() {
        // Version and tables in one read transaction: read apart, a second process creating
        // the same new store between the two reads made this one see tables without a version.
        int v = inReadTransaction("reading its schema version", c -> {
            int uv = userVersion(c);
            return uv == 0 && hasTables(c) ? -1 : uv;
        });
        checkNotNewer(v);
        if (v == -1) {
            throw new StoreException(file, "the file " + file + " is an SQLite database but not a forewarn store:"
                    + " choose another --store");
        }
        if (v < Migrations.latest()) {
            inWriteTransaction("upgrading its schema", c -> {
                // Another process may have migrated between our read and our write lock.
                Migrations.apply(c, userVersion(c));
                return null;
            });
        }
    }

    private void checkNotNewer(int v) {
        if (v > Migrations.latest()) {
            throw new StoreException(file, "the store " + file + " was written by a newer forewarn (schema " + v
                    + ", this one knows " + Migrations.latest() + "): upgrade forewarn");
        }
    }

    private static int userVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static boolean hasTables(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    /** The store file. */
    public Path file() {
        return file;
    }

    /** The options this store was opened with (their retention applies unless the store keeps its own). */
    public StoreOptions options() {
        return options;
    }

    /**
     * Keeps retention spans in the store itself, so that every writer (cron's {@code sample},
     * {@code collect}, {@code store vacuum}) applies the same ones whatever its environment.
     */
    public void setRetention(long rawMillis, long rollupMillis) {
        StoreOptions checked = options.withRetention(rawMillis, rollupMillis);
        inWriteTransaction("keeping its retention", c -> {
            setMeta(c, "raw_retention_ms", checked.rawRetentionMillis());
            setMeta(c, "rollup_retention_ms", checked.rollupRetentionMillis());
            return null;
        });
    }

    /** The retention in force: what the store keeps ({@link #setRetention}), else the options'. */
    public StoreOptions retention() {
        return inReadTransaction("reading its retention", this::retention);
    }

    StoreOptions retention(Connection c) throws SQLException {
        long raw = options.rawRetentionMillis();
        long rollup = options.rollupRetentionMillis();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT key, value FROM meta WHERE key IN ('raw_retention_ms', 'rollup_retention_ms')")) {
            while (rs.next()) {
                if (rs.getString(1).equals("raw_retention_ms")) {
                    raw = rs.getLong(2);
                } else {
                    rollup = rs.getLong(2);
                }
            }
        }
        return options.withRetention(raw, rollup);
    }

    /**
     * Stores one sample: every value at {@code timeMillis}, in one transaction. Writing the same
     * series and time again replaces the value (last write wins). Infinite values and nulls are
     * stored as NaN (a missing reading). When the sample opens a new chunk window, the head is
     * folded into chunks and retention applied, in a second transaction after the sample is safe.
     */
    public void append(long timeMillis, Map<SeriesKey, Double> values) {
        append(timeMillis, values, List.of());
    }

    /**
     * {@link #append(long, Map)}, also keeping {@code timeMillis} as the last read of each of
     * {@code readCollectors} (see {@link #collectorReads()}), in the same transaction.
     */
    public void append(long timeMillis, Map<SeriesKey, Double> values, Collection<String> readCollectors) {
        requireWritable();
        if (values.isEmpty()) {
            return;
        }
        long w = ChunkTable.window(timeMillis);
        boolean newWindow = inWriteTransaction("storing a sample", c -> {
            for (String name : readCollectors) {
                setMeta(c, COLLECTOR_READ + name, timeMillis);
            }
            Long headWindow = readMeta(c);
            try (PreparedStatement ins = c.prepareStatement("INSERT OR REPLACE INTO head (series_id, t, v) VALUES (?, ?, ?)")) {
                for (Map.Entry<SeriesKey, Double> e : values.entrySet()) {
                    ins.setLong(1, idFor(c, e.getKey()));
                    ins.setLong(2, timeMillis);
                    Double v = e.getValue();
                    if (v == null || !Double.isFinite(v)) {
                        ins.setNull(3, Types.REAL);
                    } else {
                        ins.setDouble(3, v);
                    }
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            if (headWindow == null || w > headWindow) {
                setMeta(c, "head_window", w);
                return headWindow != null;
            }
            if (w < headWindow) {
                // The clock went back (set right after running ahead): fold as of this window
                // again, or the head would grow until the clock reached the old one.
                setMeta(c, "head_window", w);
            }
            return false;
        });
        if (newWindow) {
            try {
                maintain(w * ChunkTable.SPAN_MILLIS, clock.getAsLong());
            } catch (StoreException e) {
                // The sample itself is committed; the next window or 'store vacuum' folds again.
                LOG.warn("could not fold recent points into chunks: {}", e.getMessage());
            }
        }
    }

    /** The meta key prefix of a collector's last read time. */
    private static final String COLLECTOR_READ = "collector_read_ms:";

    /**
     * When each collector whose reads are kept (see {@link #append(long, Map, Collection)}) was
     * last read: epoch milliseconds by collector name. Lets one-shot samples, each a new
     * process, read a costly collector only every so often.
     */
    public Map<String, Long> collectorReads() {
        return inReadTransaction("reading its collector read times", c -> {
            Map<String, Long> out = new HashMap<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT key, value FROM meta")) {
                while (rs.next()) {
                    if (rs.getString(1).startsWith(COLLECTOR_READ)) {
                        out.put(rs.getString(1).substring(COLLECTOR_READ.length()), rs.getLong(2));
                    }
                }
            }
            return out;
        });
    }

    /** Folds head points older than {@code beforeMillis} into chunks and applies retention as of {@code nowMillis}. */
    void maintain(long beforeMillis, long nowMillis) {
        inWriteTransaction("folding recent points into chunks", c -> {
            chunks.fold(beforeMillis, check);
            Retention.apply(c, chunks, nowMillis, retention(c), check, false);
            return null;
        });
    }

    /**
     * Stores whole series in one transaction: all of them or, on failure, none. Points at times
     * the store already holds replace the stored values.
     */
    public ImportResult appendAll(List<Series> series) {
        requireWritable();
        return inWriteTransaction("importing points", c -> {
            readMeta(c);
            Set<SeriesKey> keys = new LinkedHashSet<>();
            long points = 0;
            long newest = Long.MIN_VALUE;
            for (Series s : series) {
                if (s.isEmpty()) {
                    continue;
                }
                keys.add(s.key());
                points += chunks.merge(idFor(c, s.key()), s.timesMillis(), s.values(), check);
                newest = Math.max(newest, s.timesMillis()[s.size() - 1]);
            }
            if (points > 0) {
                Retention.startReference(c, clock.getAsLong(), newest);
            }
            return new ImportResult(keys.size(), points);
        });
    }

    /**
     * Starts an import that is handed its points in batches, all in one write transaction: an
     * import larger than the heap streams into the store and still stores all or nothing (the
     * import is rolled back unless {@link BatchImport#commit} is reached). Later batches win
     * over earlier ones at the same series and time, as later lines do.
     */
    public BatchImport beginImport() {
        requireWritable();
        try {
            try (Statement st = conn.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
            }
            BatchImport b = new BatchImport();
            readMeta(conn);
            return b;
        } catch (SQLException e) {
            throw StoreErrors.map(file, e, "importing points");
        }
    }

    /** One import in progress, see {@link #beginImport}. */
    public final class BatchImport implements AutoCloseable {

        private final Set<SeriesKey> keys = new LinkedHashSet<>();
        private long points;
        private boolean open = true;

        private BatchImport() {
        }

        /** Merges one batch of series (each sorted, unique times) into the store. */
        public void append(List<Series> batch) {
            try {
                for (Series s : batch) {
                    if (!s.isEmpty()) {
                        keys.add(s.key());
                        points += chunks.merge(idFor(conn, s.key()), s.timesMillis(), s.values(), check);
                    }
                }
            } catch (SQLException e) {
                throw StoreErrors.map(file, e, "importing points");
            }
        }

        /** Commits every batch; returns the series and points written. */
        public ImportResult commit() {
            try (Statement st = conn.createStatement()) {
                st.execute("COMMIT");
                open = false;
                ids.putAll(pendingIds);
                return new ImportResult(keys.size(), points);
            } catch (SQLException e) {
                throw StoreErrors.map(file, e, "importing points");
            }
        }

        /** Rolls back unless committed. */
        @Override
        public void close() {
            pendingIds.clear();
            if (open) {
                open = false;
                try (Statement st = conn.createStatement()) {
                    st.execute("ROLLBACK");
                } catch (SQLException ignored) {
                    // already gone: SQLite rolls back by itself on some errors
                }
            }
        }
    }

    @Override
    public List<SeriesKey> find(Selector selector) {
        return inReadTransaction("listing series", c -> {
            List<SeriesKey> out = new ArrayList<>();
            boolean any = selector.name().equals("*");
            try (PreparedStatement ps = c.prepareStatement(any ? "SELECT key FROM series" : "SELECT key FROM series WHERE name = ?")) {
                if (!any) {
                    ps.setString(1, selector.name());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        SeriesKey k;
                        try {
                            k = SeriesKey.parse(rs.getString(1));
                        } catch (IllegalArgumentException e) {
                            unreadable(rs.getString(1), e);
                            continue;
                        }
                        if (selector.matches(k)) {
                            out.add(k);
                        }
                    }
                }
            }
            out.sort(null);
            return out;
        });
    }

    /**
     * A stored series key that does not parse (a crafted import by an older forewarn): it is
     * skipped, so the rest of the store stays readable, and named once per store on stderr.
     */
    private void unreadable(String keyText, IllegalArgumentException e) {
        if (warnedUnreadable.add(keyText)) {
            LOG.warn("the store {} holds a series whose name cannot be read, skipped: {} ({}); 'forewarn store check'"
                    + " lists such series", file, keyText, e.getMessage());
        }
    }

    /**
     * Points with {@code fromMillis <= t <= toMillis}: raw points where they are kept, and for
     * hours whose raw points were retired the hour's average, placed at the middle of the hour.
     */
    @Override
    public Series read(SeriesKey key, long fromMillis, long toMillis) {
        long from = clamp(fromMillis);
        long to = clamp(toMillis);
        if (from > to) {
            return Series.empty(key);
        }
        return inReadTransaction("reading " + key, c -> {
            Long id = lookupId(c, key.toString());
            if (id == null) {
                return Series.empty(key);
            }
            long hFrom = Math.floorDiv(from, HourAgg.HOUR_MILLIS);
            long hTo = Math.floorDiv(to, HourAgg.HOUR_MILLIS);
            Points raw = chunks.read(id, hFrom * HourAgg.HOUR_MILLIS, (hTo + 1) * HourAgg.HOUR_MILLIS, check);
            List<HourAgg> rolled = storedRollups(c, id, hFrom, hTo);
            long[] t = new long[raw.size() + rolled.size()];
            double[] v = new double[t.length];
            int n = 0;
            int r = 0;
            long[] rt = raw.timesMillis();
            for (HourAgg a : rolled) {
                long hourStart = a.hour() * HourAgg.HOUR_MILLIS;
                for (; r < rt.length && rt[r] < hourStart; r++) {
                    if (rt[r] >= from && rt[r] <= to) {
                        t[n] = rt[r];
                        v[n++] = raw.values()[r];
                    }
                }
                boolean hourHasRaw = r < rt.length && rt[r] < hourStart + HourAgg.HOUR_MILLIS;
                if (!hourHasRaw && a.midMillis() >= from && a.midMillis() <= to) {
                    t[n] = a.midMillis();
                    v[n++] = a.avg();
                }
            }
            for (; r < rt.length; r++) {
                if (rt[r] >= from && rt[r] <= to) {
                    t[n] = rt[r];
                    v[n++] = raw.values()[r];
                }
            }
            return new Series(key, Arrays.copyOf(t, n), Arrays.copyOf(v, n));
        });
    }

    /**
     * Hourly roll-ups of one series, one point per hour at the middle of the hour, for
     * {@code fromMillis <= t <= toMillis}: the stored roll-ups of retired hours, and roll-ups
     * computed from the raw points of hours still raw, so the whole history reads uniformly.
     */
    public Series readRollup(SeriesKey key, Agg agg, long fromMillis, long toMillis) {
        long from = clamp(fromMillis);
        long to = clamp(toMillis);
        if (from > to) {
            return Series.empty(key);
        }
        return inReadTransaction("reading the roll-ups of " + key, c -> {
            Long id = lookupId(c, key.toString());
            if (id == null) {
                return Series.empty(key);
            }
            long hFrom = Math.floorDiv(from, HourAgg.HOUR_MILLIS);
            long hTo = Math.floorDiv(to, HourAgg.HOUR_MILLIS);
            TreeMap<Long, HourAgg> hours = new TreeMap<>();
            for (HourAgg a : storedRollups(c, id, hFrom, hTo)) {
                hours.put(a.hour(), a);
            }
            Points raw = chunks.read(id, hFrom * HourAgg.HOUR_MILLIS, (hTo + 1) * HourAgg.HOUR_MILLIS, check);
            for (HourAgg a : HourAgg.of(raw.timesMillis(), raw.values(), 0, raw.size())) {
                hours.merge(a.hour(), a, HourAgg::combine);
            }
            long[] t = new long[hours.size()];
            double[] v = new double[hours.size()];
            int n = 0;
            for (HourAgg a : hours.values()) {
                if (a.midMillis() >= from && a.midMillis() <= to) {
                    t[n] = a.midMillis();
                    v[n++] = a.get(agg);
                }
            }
            return new Series(key, Arrays.copyOf(t, n), Arrays.copyOf(v, n));
        });
    }

    private static List<HourAgg> storedRollups(Connection c, long id, long hFrom, long hTo) throws SQLException {
        List<HourAgg> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT h, n, min, max, avg, last, last_t FROM rollup"
                + " WHERE series_id = ? AND h >= ? AND h <= ? ORDER BY h")) {
            ps.setLong(1, id);
            ps.setLong(2, hFrom);
            ps.setLong(3, hTo);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new HourAgg(rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4),
                            rs.getDouble(5), rs.getDouble(6), rs.getLong(7)));
                }
            }
        }
        return out;
    }

    /** Every series the selector matches, with its point count, span and last value; sorted by key. */
    public List<SeriesSummary> summaries(Selector selector) {
        return StoreMaintenance.summaries(this, find(selector));
    }

    /** What the store holds: size, series, points, span. */
    public StoreInfo info() {
        return StoreMaintenance.info(this);
    }

    /** Runs SQLite's integrity check and the store's own invariants. */
    public CheckReport check() {
        return StoreMaintenance.check(this);
    }

    /**
     * Folds the whole head into chunks, applies retention as of {@code nowMillis} (raw points
     * older than the raw span become hourly roll-ups; roll-ups older than their span go),
     * removes series with nothing left, and compacts the file (SQLite VACUUM).
     */
    public VacuumResult vacuum(long nowMillis) {
        return vacuum(nowMillis, () -> { });
    }

    /** The steps {@link #vacuum(long, Runnable)} reports: fold recent points, apply retention, compact the file. */
    public static final int VACUUM_STEPS = 3;

    /** As {@link #vacuum(long)}, calling {@code afterEachStep} after each of {@link #VACUUM_STEPS} steps, for a progress bar. */
    public VacuumResult vacuum(long nowMillis, Runnable afterEachStep) {
        requireWritable();
        return StoreMaintenance.vacuum(this, nowMillis, afterEachStep);
    }

    /**
     * Runs work in one {@code BEGIN IMMEDIATE} transaction: committed when it returns, rolled
     * back when it throws. For tables other packages add through {@link Migrations}.
     *
     * @param doing what the work does, for the error message ("storing a finding")
     */
    public <T> T inWriteTransaction(String doing, SqlWork<T> work) {
        requireWritable();
        try {
            T result = transaction("BEGIN IMMEDIATE", doing, work);
            ids.putAll(pendingIds);
            return result;
        } finally {
            pendingIds.clear();
        }
    }

    /** Runs reads in one transaction, so they see one consistent snapshot of the store. */
    public <T> T inReadTransaction(String doing, SqlWork<T> work) {
        return transaction("BEGIN", doing, work);
    }

    private <T> T transaction(String begin, String doing, SqlWork<T> work) {
        boolean open = false;
        try {
            try (Statement st = conn.createStatement()) {
                st.execute(begin);
            }
            open = true;
            T result = work.run(conn);
            try (Statement st = conn.createStatement()) {
                st.execute("COMMIT");
            }
            open = false;
            return result;
        } catch (SQLException e) {
            throw StoreErrors.map(file, e, doing);
        } finally {
            if (open) {
                try (Statement st = conn.createStatement()) {
                    st.execute("ROLLBACK");
                } catch (SQLException ignored) {
                    // The transaction is already gone (SQLite rolls back on some errors itself).
                }
            }
        }
    }

    /** The bookkeeping row values; refreshes the id cache when series were removed meanwhile. Returns head_window. */
    private Long readMeta(Connection c) throws SQLException {
        Long headWindow = null;
        long gen = 0;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT key, value FROM meta")) {
            while (rs.next()) {
                switch (rs.getString(1)) {
                    case "head_window" -> headWindow = rs.getLong(2);
                    case "series_gen" -> gen = rs.getLong(2);
                    default -> { }
                }
            }
        }
        if (gen != seriesGeneration) {
            ids.clear();
            seriesGeneration = gen;
        }
        return headWindow;
    }

    /** One bookkeeping value, or null when the store has none under {@code key}. */
    static Long getMeta(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    static void setMeta(Connection c, String key, long value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)")) {
            ps.setString(1, key);
            ps.setLong(2, value);
            ps.executeUpdate();
        }
    }

    /** Forgets cached series ids: after series were removed, their ids must be looked up again. */
    void forgetIds() {
        ids.clear();
    }

    private long idFor(Connection c, SeriesKey key) throws SQLException {
        String text = key.toString();
        Long id = ids.get(text);
        if (id == null) {
            id = pendingIds.get(text);
        }
        if (id != null) {
            return id;
        }
        id = lookupId(c, text);
        if (id == null) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO series (name, key) VALUES (?, ?)")) {
                ps.setString(1, key.name());
                ps.setString(2, text);
                ps.executeUpdate();
            }
            id = lookupId(c, text);
            // Known to others only once this transaction commits.
            pendingIds.put(text, id);
        } else {
            ids.put(text, id);
        }
        return id;
    }

    /**
     * The id of a stored series (by its canonical text), or null, through one statement kept for
     * this store's life: a cold sample looks up every one of its some 80 series, and preparing
     * was most of a lookup.
     */
    Long lookupId(Connection c, String keyText) throws SQLException {
        if (idLookup == null) {
            idLookup = c.prepareStatement("SELECT id FROM series WHERE key = ?");
        }
        idLookup.setString(1, keyText);
        try (ResultSet rs = idLookup.executeQuery()) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }

    private void requireWritable() {
        if (readOnly) {
            throw new IllegalStateException("the store " + file + " was opened read-only");
        }
    }

    private static long clamp(long t) {
        return Math.max(-TIME_LIMIT, Math.min(TIME_LIMIT, t));
    }

    Connection connection() {
        return conn;
    }

    ChunkTable chunks() {
        return chunks;
    }

    ChunkTable.BlobCheck blobCheck() {
        return check;
    }

    /** True when this store was opened with {@link #openReadOnly}. */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** File plus write-ahead log, bytes. */
    long sizeBytes() {
        long size = 0;
        for (Path p : List.of(file, file.resolveSibling(file.getFileName() + "-wal"))) {
            try {
                size += Files.exists(p) ? Files.size(p) : 0;
            } catch (IOException ignored) {
                // A log that vanished between the two calls counts as empty.
            }
        }
        return size;
    }

    /** Closes the connection; SQLite checkpoints the write-ahead log into the file. */
    @Override
    public void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            throw StoreErrors.map(file, e, "closing it");
        }
    }

    private void closeQuietly() {
        try {
            conn.close();
        } catch (SQLException ignored) {
            // Already failing; the first error is the one to report.
        }
    }
}
