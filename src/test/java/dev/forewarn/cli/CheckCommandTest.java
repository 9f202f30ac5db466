package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertTrue(r.out().contains("trend verdicts (\"fills on ...\") need history: at least 2d"), r.out());
        assertTrue(r.out().contains("*/5 * * * * forewarn sample"), r.out());
        assertTrue(r.firstLine().contains("series judged") || r.code() > 0, r.firstLine());
        Run replay = check("--store", dir.resolve("other.db").toString(), "--at", at());
        assertEquals(3, replay.code(), "no history to replay: " + replay.out() + replay.err());
    }
}
