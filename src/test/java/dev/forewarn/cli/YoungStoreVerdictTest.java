package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forewarn.report.ProjectionJson;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.store.SampleStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An hour of history: the report said "Status OK ... Nothing to report: no rule raised a
 * finding", which a manager reads as a clean bill, while no trend had been judged at all.
 */
class YoungStoreVerdictTest {

    @TempDir
    Path dir;

    @Test
    void aReportOnAnHourOfHistorySaysWhichTrendsItCouldNotJudgeYet() throws Exception {
        Path db = dir.resolve("young.db");
        long end = System.currentTimeMillis() - 60_000;
        int n = 13;
        long[] t = new long[n];
        double[] avail = new double[n];
        double[] total = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = end - (long) (n - 1 - i) * 300_000L;
            avail[i] = 6e9 - 1e7 * i;
            total[i] = 8e9;
        }
        try (SampleStore s = SampleStore.open(db)) {
            s.appendAll(List.of(new Series(SeriesKey.of("mem.available_bytes"), t, avail), new Series(SeriesKey.of("mem.total_bytes"), t, total)));
        }
        Path json = dir.resolve("r.json");
        CliRun r = CliRun.of("report", "--store", db.toString(), "-o", json.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode report = ProjectionJson.MAPPER.readTree(json.toFile());
        String summary = report.at("/verdict/summary").asText();
        assertTrue(summary.contains("One series is still learning its trend (the first verdict in 47 hours): too little history to project,"
                + " so this report cannot yet say whether it will run out."), summary);
        assertEquals(1, report.at("/learning/series").asInt(), report.get("learning").toString());
        assertEquals(47 * 3600, report.at("/learning/needs_more_seconds").asLong(), 600);
        CliRun check = CliRun.of("check", "--store", db.toString());
        assertTrue(check.out().startsWith("FOREWARN OK - ") && check.out().contains("; 1 still learning its trend (the first verdict in 47 hours) |"),
                check.out());
    }
}
