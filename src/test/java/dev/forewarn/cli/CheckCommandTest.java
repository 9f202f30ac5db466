package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.series.Times;
import dev.forewarn.store.SampleStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code forewarn check} end to end: a real SQLite store, the real CLI in this JVM, the shipped rules. */
class CheckCommandTest {

    private static final long DAY = 86_400_000L;
    private static final long STEP = 300_000L;
    private static final double GIB = 1024.0 * 1024 * 1024;
    private static final long AT = 1_773_446_400_000L; // 2026-03-14T00:00:00Z

    @TempDir
    Path dir;

    /** What one run printed and how it ended. */
    record Run(int code, String out, String err) {
        String firstLine() {
            return out.lines().findFirst().orElse("");
        }
    }

    static Run check(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("check"));
        all.addAll(List.of(args));
        int code = cl.execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    private static Series series(SeriesKey key, long end, double days, DoubleUnaryOperator valueAtDaysAgo) {
        int n = (int) (days * DAY / STEP) + 1;
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = end - (long) (n - 1 - i) * STEP;
            v[i] = valueAtDaysAgo.applyAsDouble((end - t[i]) / (double) DAY);
        }
        return new Series(key, t, v);
    }

    /** A store with one filesystem whose free space follows {@code avail} over 10 days up to {@code end}. */
    private Path storeWithVar(long end, DoubleUnaryOperator avail) {
        Path db = dir.resolve("forewarn.db");
        SeriesKey var = SeriesKey.of("fs.avail_bytes", "mount", "/var", "device", "/dev/sda2", "fstype", "ext4");
        try (SampleStore s = SampleStore.open(db)) {
            s.appendAll(List.of(series(var, end, 10, avail), series(var.withName("fs.size_bytes"), end, 10, d -> 100 * GIB)));
        }
        return db;
    }

    private static String at() {
        return Times.iso(AT);
    }

    @Test
    void flatHistoryIsOkWithExitZero() {
        Path db = storeWithVar(AT, d -> 50 * GIB);
        Run r = check("--store", db.toString(), "--at", at());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.firstLine().startsWith("FOREWARN OK - "), r.firstLine());
        assertTrue(r.firstLine().contains("| 'critical'=0;;;0"), r.firstLine());
    }

    @Test
    void aReplayAddsNoNoteAboutThisHostsSmartDisks() {
        // the store has no smart.* series; live, check says why SMART is not watched on this host
        Path db = storeWithVar(AT, d -> 50 * GIB);
        Run r = check("--store", db.toString(), "--at", at());
        assertFalse((r.out() + r.err()).contains("disk health is not watched"), r.out() + r.err());
    }

    @Test
    void quietPrintsNothingWhenAllIsWell() {
        Path db = storeWithVar(AT, d -> 50 * GIB);
        Run r = check("--store", db.toString(), "--at", at(), "--quiet");
        assertEquals(0, r.code());
        assertEquals("", r.out());
        assertEquals("", r.err());
    }

    @Test
    void fillWithinTwoWeeksIsWarningWithDateIntervalAndPerfdata() {
        Path db = storeWithVar(AT, d -> 20 * GIB + 2 * GIB * d);
        Run r = check("--store", db.toString(), "--at", at(), "--quiet");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.firstLine().startsWith("FOREWARN WARNING - /var fills in "), r.firstLine());
        assertTrue(r.firstLine().contains("80 %: "), r.firstLine());
        assertTrue(r.firstLine().contains("'fs-space:/var'=" ) && r.firstLine().contains("'fs-space:/var days'="), r.firstLine());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(1).startsWith("WARNING  /var fills in ") && lines.get(1).contains("[fs-space built-in:rules/fs.yaml:"),
                lines.get(1));
    }

    @Test
    void almostFullNowIsCriticalWhateverTheTrend() {
        Path db = storeWithVar(AT, d -> 2 * GIB);
        Run r = check("--store", db.toString(), "--at", at());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.firstLine().startsWith("FOREWARN CRITICAL - /var fills — 2.15 GB now, below 3% of fs.size_bytes (3.22 GB)"), r.firstLine());
    }

    @Test
    void brokenRulesFileIsUnknownNamingFileAndLineAndTheRestIsStillJudged() throws IOException {
        Path db = storeWithVar(AT, d -> 2 * GIB);
        Path bad = Files.writeString(dir.resolve("bad.yaml"), """
                rules:
                  - id: mine
                    series: fs.avail_bytes
                    direction: sideways
                    now: {warning: 1}
                """);
        Run r = check("--store", db.toString(), "--at", at(), "--rules", bad.toString());
        // The critical filesystem is still found, and the broken file is reported.
        assertEquals(2, r.code(), r.out());
        assertTrue(r.out().contains("UNKNOWN  rules file " + bad + ":4:16: direction must be 'up' or 'down'"), r.out());
        Run ok = check("--store", storeWithVar(AT, d -> 50 * GIB).toString(), "--at", at(), "--rules", bad.toString(), "--quiet");
        assertEquals(3, ok.code(), ok.out());
        assertTrue(ok.firstLine().startsWith("FOREWARN UNKNOWN - rules file " + bad + ":4:16"), ok.firstLine());
    }

    @Test
    void jsonHasStatusAtHostAndFindingsWithRuleSeverityMessage() throws IOException {
        Path db = storeWithVar(AT, d -> 20 * GIB + 2 * GIB * d);
        Run r = check("--store", db.toString(), "--at", at(), "--format", "json");
        assertEquals(1, r.code());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("WARNING", j.get("status").asText());
        assertEquals("2026-03-14T00:00:00Z", j.get("at").asText());
        assertTrue(!j.get("host").asText().isEmpty());
        JsonNode f = j.get("findings").get(0);
        assertEquals("fs-space", f.get("rule").asText());
        assertEquals("WARNING", f.get("severity").asText());
        assertEquals("down", f.get("direction").asText());
        assertTrue(f.get("eta").asText().startsWith("2026-03-2"), f.toString());
        assertTrue(f.get("message").asText().startsWith("/var fills in"), f.toString());
    }

    @Test
    void anyFailureIsUnknown() {
        assertEquals(3, check("--store", dir.resolve("x.db").toString(), "--at", "yesterday-ish").code());
        assertEquals(3, check("--no-such-option").code());
        Path notAStore = dir.resolve("plain.txt");
        assertEquals(3, check("--store", dir.toString()).code(), "a directory is not a store");
        Run r = check("--store", notAStore.toString(), "--at", at());
        assertEquals(3, r.code(), r.out() + r.err());
    }

    @Test
    void flappingGuardRaisesAfterTheHoldAndSaysResolvedOnce() throws IOException {
        Path rules = Files.writeString(dir.resolve("hold.yaml"), """
                rules:
                  - id: var-low
                    series: fs.avail_bytes{mount="/var"}
                    direction: down
                    now: {warning: 30% of fs.size_bytes}
                    hold: 2
                    message: "{mount} is low {when}"
                """);
        long now = System.currentTimeMillis();
        Path db = storeWithVar(now - 60_000, d -> 25 * GIB);
        String[] args = {"--store", db.toString(), "--rules", rules.toString(), "--quiet"};
        Run first = check(args);
        assertEquals(0, first.code(), "pending on the first sighting: " + first.out());
        assertEquals("", first.out());
        Run second = check(args);
        assertEquals(1, second.code(), second.out());
        assertTrue(second.firstLine().startsWith("FOREWARN WARNING - /var is low — 26.8 GB now, below 30% of fs.size_bytes"), second.firstLine());
        try (SampleStore s = SampleStore.open(db)) {
            SeriesKey var = SeriesKey.of("fs.avail_bytes", "mount", "/var", "device", "/dev/sda2", "fstype", "ext4");
            s.appendAll(List.of(new Series(var, new long[] {System.currentTimeMillis() - 1_000}, new double[] {60 * GIB})));
        }
        Run resolved = check("--store", db.toString(), "--rules", rules.toString());
        assertEquals(0, resolved.code(), resolved.out());
        assertTrue(resolved.out().contains("RESOLVED resolved (was WARNING since "), resolved.out());
        Run after = check("--store", db.toString(), "--rules", rules.toString());
        assertTrue(!after.out().contains("RESOLVED"), "said once only: " + after.out());
    }

    @Test
    void emptyStoreTakesABurstJudgesPresentValuesAndSaysHowToSchedule() {
        Path db = dir.resolve("new/forewarn.db");
        Run r = check("--store", db.toString());
        assertTrue(r.code() >= 0 && r.code() <= 2, r.out() + r.err());
        assertTrue(r.out().contains("note: first run: the store " + db + " was empty, so forewarn took 3 samples"), r.out());
        assertTrue(r.out().contains("trend verdicts (\"fills on ...\") need history: at least 2 days"), r.out());
        assertTrue(r.out().contains("*/5 * * * * forewarn sample"), r.out());
        assertTrue(r.firstLine().contains("series judged") || r.code() > 0, r.firstLine());
        // the memory and filesystem trends have seconds of history: "nothing projected" is not a verdict on them
        Run again = check("--store", db.toString());
        assertFalse(again.out().contains("not projected to reach"), again.out());
        // (A busy host's load may be pending above its cores: then the first line leads with that, still OK.)
        if (again.code() == 0 && !again.firstLine().contains(" pending, not raised yet")) {
            assertTrue(again.firstLine().matches("FOREWARN OK - \\d+ series judged, nothing projected to cross a threshold within its horizon;"
                    + " \\d+ still learning their trend \\(the first verdict in (1|2) days?\\) \\|.*"), again.firstLine());
        }
        Run replay = check("--store", dir.resolve("other.db").toString(), "--at", at());
        assertEquals(3, replay.code(), "no history to replay: " + replay.out() + replay.err());
    }

    @Test
    void aStoreThatStoppedReceivingSamplesIsUnknownNotGreen() {
        long now = System.currentTimeMillis();
        Path db = storeWithVar(now - 2 * DAY, d -> 50 * GIB); // the timer was disabled two days ago
        Run r = check("--store", db.toString(), "--quiet");
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.firstLine().startsWith("FOREWARN UNKNOWN - no sample since " + Times.local(now - 2 * DAY, java.time.ZoneId.systemDefault())), r.firstLine());
        assertTrue(r.firstLine().contains("is sampling running?"), r.firstLine());
    }

    @Test
    void samplesAnHourOldAreStillJudgedButTwoHoursAreStale() {
        long now = System.currentTimeMillis();
        Path db = storeWithVar(now - 50 * 60_000L, d -> 50 * GIB);
        assertEquals(0, check("--store", db.toString()).code(), "50 minutes without a sample is within the 1 h bound");
        Path late = storeWithVarAt(dir.resolve("late.db"), now - 2 * 3_600_000L);
        Run r = check("--store", late.toString());
        assertEquals(3, r.code(), r.out());
    }

    @Test
    void aRaisedWarningWhoseSeriesWentStaleIsReportedAsStaleNotDroppedNorResolved() throws Exception {
        Path rules = Files.writeString(dir.resolve("hold.yaml"), """
                rules:
                  - id: var-low
                    series: fs.avail_bytes{mount="/var"}
                    direction: down
                    now: {warning: 30% of fs.size_bytes}
                    hold: 1
                    message: "{mount} is low {when}"
                """);
        long now = System.currentTimeMillis();
        Path db = dir.resolve("forewarn.db");
        SeriesKey var = SeriesKey.of("fs.avail_bytes", "mount", "/var", "device", "/dev/sda2", "fstype", "ext4");
        SeriesKey root = var.withLabel("mount", "/");
        try (SampleStore s = SampleStore.open(db)) {
            // /var is low and then unmounted three days ago; / goes on being sampled until a minute ago
            s.appendAll(List.of(series(var, now - 3 * DAY, 5, d -> 25 * GIB), series(var.withName("fs.size_bytes"), now - 3 * DAY, 5, d -> 100 * GIB),
                    series(root, now - 60_000, 8, d -> 60 * GIB), series(root.withName("fs.size_bytes"), now - 60_000, 8, d -> 100 * GIB)));
        }
        String[] args = {"--store", db.toString(), "--rules", rules.toString()};
        try (SampleStore s = SampleStore.open(db)) {
            s.append(now - 30_000, java.util.Map.of(var, 25 * GIB, var.withName("fs.size_bytes"), 100 * GIB));
        }
        Run raised = check(args);
        assertEquals(1, raised.code(), "/var is low and raised: " + raised.out());
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement()) {
            // that last sample of /var goes: its newest point is three days old, the series went stale while its WARNING stood
            assertEquals(2, st.executeUpdate("DELETE FROM head WHERE series_id IN (SELECT id FROM series WHERE key LIKE '%/var%')"));
        }
        Run stale = check(args);
        assertEquals(3, stale.code(), stale.out());
        assertTrue(stale.out().contains("UNKNOWN  /var (fs.avail_bytes): no point since " + Times.local(now - 3 * DAY, java.time.ZoneId.systemDefault())), stale.out());
        assertTrue(stale.out().contains("its WARNING (raised "), stale.out());
        assertTrue(!stale.out().contains("RESOLVED"), "nothing says the problem went away: " + stale.out());
    }

    @Test
    void everyRuleSwitchedOffIsUnknownNoRulesInForce() throws IOException {
        Path db = storeWithVar(AT, d -> 50 * GIB);
        StringBuilder off = new StringBuilder("rules:\n");
        for (dev.forewarn.rules.Rule rule : dev.forewarn.rules.RuleSet.load(true, List.of(), null).rules()) {
            off.append("  - id: ").append(rule.id()).append("\n    series: '").append(rule.selector().toString().replace("'", "''"))
                    .append("'\n    direction: ").append(rule.direction().name().toLowerCase(java.util.Locale.ROOT))
                    .append("\n    enabled: false\n");
        }
        Path rules = Files.writeString(dir.resolve("off.yaml"), off.toString());
        Run r = check("--store", db.toString(), "--at", at(), "--rules", rules.toString());
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.firstLine().startsWith("FOREWARN UNKNOWN - no rules in force"), r.firstLine());
    }

    @Test
    void aReplayBeforeTheFirstPointIsUnknownSayingThereIsNoHistoryBeforeThen() {
        Path db = storeWithVar(AT, d -> 50 * GIB);
        for (String when : List.of("1970-01-01", Times.iso(AT - 11 * DAY))) {
            Run r = check("--store", db.toString(), "--at", when);
            assertEquals(3, r.code(), when + ": " + r.out() + r.err());
            assertTrue(r.firstLine().startsWith("FOREWARN UNKNOWN - no history before " + Times.local(AT - 10 * DAY, java.time.ZoneId.systemDefault())), r.firstLine());
        }
        assertEquals(0, check("--store", db.toString(), "--at", Times.iso(AT - 5 * DAY)).code(), "within the history it judges");
    }

    private Path storeWithVarAt(Path db, long end) {
        SeriesKey var = SeriesKey.of("fs.avail_bytes", "mount", "/var", "device", "/dev/sda2", "fstype", "ext4");
        try (SampleStore s = SampleStore.open(db)) {
            s.appendAll(List.of(series(var, end, 10, d -> 50 * GIB), series(var.withName("fs.size_bytes"), end, 10, d -> 100 * GIB)));
        }
        return db;
    }

    /** As root too (CI runs as root): a store whose mode says read-only is judged read-only, not refused. */
    @Test
    void aStoreWithoutWritePermissionIsJudgedReadOnlyEvenByRoot() throws Exception {
        long now = System.currentTimeMillis();
        Path db = storeWithVar(now - 60_000, d -> 50 * GIB);
        byte[] before = Files.readAllBytes(db);
        Files.setPosixFilePermissions(db, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        Run r = check("--store", db.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.firstLine().startsWith("FOREWARN OK - "), r.firstLine());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(db)), "the store was not written");
    }

    @Test
    void aLinkToAReadOnlyStoreDoesNotLetSampleWriteThroughIt() throws Exception {
        Path db = storeWithVar(AT, d -> 50 * GIB);
        byte[] before = Files.readAllBytes(db);
        Files.setPosixFilePermissions(db, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        Path link = Files.createSymbolicLink(dir.resolve("link.db"), db);
        CliRun r = CliRun.of("sample", "--store", link.toString(), "--collectors", "os");
        assertEquals(ExitCodes.FAILURE, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("error: the store " + link + " (a link to " + db.toRealPath() + ") is read-only"), r.err());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(db)), "nothing was written through the link");
        assertTrue(!Files.exists(dir.resolve("forewarn.db-wal")), "not even a write-ahead log");
    }
}
