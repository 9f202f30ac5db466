package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.forewarn.store.SampleStore;
import dev.forewarn.store.StoreInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's history under a clock that runs 1,100 days ahead (Debian's {@code faketime} in front of
 * a real JVM), as a dead RTC battery or a bad NTP server would make it: neither the first
 * retention pass of cron's {@code sample} nor {@code store vacuum} may expire the history.
 */
class RetentionUnderFakeTimeTest {

    /** 1,100 days, and 1,100 days and 5 hours (the next chunk window), in seconds ahead. */
    private static final List<String> AHEAD = List.of("faketime", "-f", "+95040000");
    private static final List<String> AHEAD_LATER = List.of("faketime", "-f", "+95058000");

    @TempDir
    Path dir;

    private long kept(Path db) {
        try (SampleStore s = SampleStore.openReadOnly(db)) {
            StoreInfo info = s.info();
            return info.rawPoints() + info.rolledUpPoints();
        }
    }

    @Test
    void samplesAndVacuumsYearsAheadKeepTheDemoHistory() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/faketime")), "needs faketime (.ci/run installs it)");
        // the demo's four months, without the marker that makes 'sample' refuse the demo's own store
        Path db = dir.resolve("history.db");
        try (SampleStore s = SampleStore.open(db)) {
            s.appendAll(DemoHistory.build(System.currentTimeMillis(), 20260301L).stream()
                    .filter(x -> !x.key().name().equals(DemoHistory.INFO_SERIES)).toList());
        }
        long before = kept(db);
        Path err = dir.resolve("err");
        assertEquals(0, ForewarnProcess.runUnder(AHEAD, err, "sample", "--store", db.toString(), "--collectors", "os"),
                () -> read(err));
        assertEquals(0, ForewarnProcess.runUnder(AHEAD_LATER, err, "sample", "--store", db.toString(), "--collectors", "os"),
                () -> read(err));
        long afterSamples = kept(db);
        assertTrue(afterSamples > before, "the first retention pass dropped nothing: " + before + " points before, " + afterSamples + " after");
        assertEquals(0, ForewarnProcess.runUnder(AHEAD_LATER, err, "store", "vacuum", "--store", db.toString()), () -> read(err));
        assertEquals(afterSamples, kept(db), "store vacuum with the clock 1,100 days ahead dropped nothing");

        // The clock is set right: the next samples and vacuums keep what they store.
        assertEquals(0, CliRun.of("store", "vacuum", "--store", db.toString()).exitCode());
        assertEquals(0, CliRun.of("sample", "--store", db.toString(), "--collectors", "os").exitCode());
        long withNew = kept(db);
        assertEquals(0, CliRun.of("store", "vacuum", "--store", db.toString()).exitCode());
        assertEquals(withNew, kept(db), "samples taken after the clock was set right are kept");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
