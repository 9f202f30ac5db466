package dev.forewarn.forecast;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.forecast.bench.AccuracyBench;
import dev.forewarn.forecast.bench.FamilyScore;
import dev.forewarn.forecast.bench.GeneratedCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The small fixed-seed version of {@code scripts/bench-accuracy}: a few draws of every case family
 * replayed through {@link ForecastEngine} at origins from 45 days to 12 hours before the first
 * touch. A change that breaks the calibration of the 80 % interval, or that makes a quiet series
 * warn, fails here. (The benchmark's own targets are tighter: 70–90 % per family and horizon bucket.)
 */
class ForecastCalibrationTest {

    private static final long SEED = 20_261_201L;
    private static final int DRAWS = 3;
    private static List<FamilyScore> scores;

    @BeforeAll
    static void replay() throws Exception {
        scores = AccuracyBench.score(SEED, DRAWS, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    @Test
    void eightyPercentIntervalHoldsTheFirstTouchSixtyToNinetyFivePercentOfTheTimeInEveryFamily() {
        List<Executable> checks = new ArrayList<>();
        for (FamilyScore s : scores) {
            // A quiet family's truth lies beyond the horizon, where "no date" is right every time: only the lower bound applies.
            double high = s.kind() == GeneratedCase.Kind.FILL ? 0.95 : 1.0;
            checks.add(() -> assertTrue(s.origins() > 0 && s.coverage80() >= 0.60 && s.coverage80() <= high,
                    String.format(Locale.ROOT, "%s: 80 %% interval held the first touch at %.1f %% of %d origins (want 60-%.0f %%)",
                            s.family(), 100 * s.coverage80(), s.origins(), 100 * high)));
        }
        assertAll(checks);
    }

    @Test
    void quietFamiliesNeverWarn() {
        List<Executable> checks = new ArrayList<>();
        for (FamilyScore s : scores) {
            if (s.kind() == GeneratedCase.Kind.QUIET) {
                checks.add(() -> assertEquals(0, s.falseAlarms(), s.family() + ": 14-day warnings on a series that stays clear for a year"));
            }
        }
        assertTrue(checks.size() >= 4, "the quiet families are replayed");
        assertAll(checks);
    }
}
