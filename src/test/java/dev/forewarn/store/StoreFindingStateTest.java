package dev.forewarn.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.forewarn.forecast.BacktestSummary;
import dev.forewarn.forecast.Direction;
import dev.forewarn.forecast.Projection;
import dev.forewarn.rules.Finding;
import dev.forewarn.rules.FindingState;
import dev.forewarn.rules.RuleSource;
import dev.forewarn.rules.Severity;
import dev.forewarn.series.SeriesKey;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreFindingStateTest {

    @TempDir
    Path dir;

    @Test
    void guardMemoryAndRaisedFindingsWithPredictedDatesSurviveReopening() {
        Path db = dir.resolve("f.db");
        SeriesKey var = SeriesKey.of("fs.avail_bytes", "mount", "/var");
        Projection p = new Projection(var, 1000, 5e9, 0, Direction.DOWN, 9000L, 8000L, null, 0.8, "theil-sen", "why", null,
                BacktestSummary.none(), "abc");
        Finding f = new Finding("fs-space", new RuleSource("built-in:rules/fs.yaml", 4, 5), Severity.WARNING, "/var fills in 9 days", p);
        try (SampleStore s = SampleStore.open(db)) {
            StoreFindingState st = StoreFindingState.load(s);
            st.put("fs-space", var.toString(), new FindingState.Entry(Severity.WARNING, 2, 500, Severity.WARNING, 1000, 1000));
            st.raised(f, 1000);
            st.flush();
        }
        try (SampleStore s = SampleStore.open(db)) {
            StoreFindingState st = StoreFindingState.load(s);
            assertEquals(new FindingState.Entry(Severity.WARNING, 2, 500, Severity.WARNING, 1000, 1000), st.get("fs-space", var.toString()));
            assertEquals(FindingState.Entry.NONE, st.get("fs-space", "other"));
            FindingState.Raised r = st.history().get(0);
            assertEquals(9000L, r.etaMillis());
            assertEquals(8000L, r.etaLowMillis());
            assertNull(r.etaHighMillis());
            assertNull(r.resolvedMillis());
            assertEquals(5e9, r.value());
            st.resolved("fs-space", var.toString(), 7000);
            st.flush();
            assertEquals(7000L, StoreFindingState.load(s).history().get(0).resolvedMillis());
        }
    }
}
