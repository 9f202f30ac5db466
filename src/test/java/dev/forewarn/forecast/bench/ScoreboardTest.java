package dev.forewarn.forecast.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreboardTest {

    private static final long DAY = 86_400_000L;
    private static final long T = 100 * DAY;

    private static Replay.Answer answer(Long eta, Long low, Long high) {
        return new Replay.Answer(eta, low, high, null);
    }

    @Test
    void anOpenUpperBoundCoversOnlyWhenTheTruthIsBeyondTheHorizon() {
        long at = T - 10 * DAY;
        assertFalse(Scoreboard.covers(answer(T - DAY, T - 3 * DAY, null), T, at, false), "truth within the horizon");
        assertTrue(Scoreboard.covers(answer(T - DAY, T - 3 * DAY, null), null, at, true), "truth beyond the horizon");
        assertTrue(Scoreboard.covers(answer(T - DAY, T - 3 * DAY, T + DAY), T, at, false));
        assertFalse(Scoreboard.covers(answer(T - DAY, T - 3 * DAY, T - DAY / 2), T, at, false));
        assertFalse(Scoreboard.covers(answer(T - DAY, T - 3 * DAY, T + DAY), null, at, true), "a date when there is none within the horizon");
    }

    @Test
    void noAnswerIsAMissWhenTheTruthComesAndRightWhenItDoesNot() {
        long at = T - 10 * DAY;
        assertFalse(Scoreboard.covers(answer(null, null, null), T, at, false));
        assertTrue(Scoreboard.covers(answer(null, null, null), null, at, true));
        assertNull(Scoreboard.covers(answer(null, null, null), null, at, false), "real data: beyond its end nothing is known");
        assertEquals(Double.POSITIVE_INFINITY, Scoreboard.relativeError(null, T, at));
        assertEquals(0.1, Scoreboard.relativeError(T + DAY, T, at), 1e-12);
    }

    @Test
    void falseAlarmIsAFourteenDayWarningWithoutATruthWithinFourteenDays() {
        long at = T - 20 * DAY;
        assertTrue(Scoreboard.warns(at + 14 * DAY, at));
        assertFalse(Scoreboard.warns(at + 14 * DAY + 1, at));
        assertTrue(Scoreboard.falseAlarm(true, T, at));
        assertFalse(Scoreboard.falseAlarm(true, T, T - 14 * DAY));
        assertTrue(Scoreboard.falseAlarm(true, null, at));
        assertFalse(Scoreboard.falseAlarm(false, null, at));
    }

    @Test
    void bucketsSplitAtThreeAndFourteenDays() {
        assertEquals(Scoreboard.Bucket.UNDER_3D, Scoreboard.bucket(T, T - 3 * DAY + 1));
        assertEquals(Scoreboard.Bucket.D3_TO_14, Scoreboard.bucket(T, T - 3 * DAY));
        assertEquals(Scoreboard.Bucket.D3_TO_14, Scoreboard.bucket(T, T - 14 * DAY));
        assertEquals(Scoreboard.Bucket.OVER_14D, Scoreboard.bucket(T, T - 14 * DAY - 1));
        assertEquals(Scoreboard.Bucket.OVER_14D, Scoreboard.bucket(null, T));
    }

    private static Replay.Origin origin(long at, boolean scored, Long eta) {
        return new Replay.Origin(at, scored, answer(eta, eta, eta), null, false, null, null, null);
    }

    @Test
    void leadCountsOnlyTheWarningThatHoldsAtEveryLaterOrigin() {
        // Warnings 12 and 10 days out, a gap at 8 days, then warnings from 6 days to the end: the lead is 6 days.
        Replay.Origin[] o = {
            origin(T - 14 * DAY, false, T), // before the onset: not scored
            origin(T - 12 * DAY, true, T), origin(T - 10 * DAY, true, T), origin(T - 8 * DAY, true, null),
            origin(T - 6 * DAY, true, T), origin(T - 4 * DAY, true, T), origin(T - DAY, true, T)};
        Replay.Result r = new Replay.Result("f", GeneratedCase.Kind.FILL, 0, T, false, o, "");
        assertEquals(6 * DAY, Scoreboard.lead(r, Scoreboard.FW_WARNS));
        assertEquals(12 * DAY, Scoreboard.possibleLead(r));
        Replay.Origin[] lateMiss = {origin(T - 4 * DAY, true, T), origin(T - DAY, true, null)};
        assertEquals(0L, Scoreboard.lead(new Replay.Result("f", GeneratedCase.Kind.FILL, 0, T, false, lateMiss, ""), Scoreboard.FW_WARNS));
    }

    @Test
    void cellScoresOnlyOriginsAfterTheOnset() {
        // Before the onset (a resize) a warning that the old disk fills was right: it counts for nothing.
        Replay.Origin[] o = {origin(T - 30 * DAY, false, T - 25 * DAY), origin(T - 20 * DAY, true, T - 10 * DAY),
            origin(T - 5 * DAY, true, T)};
        Scoreboard.Cell c = Scoreboard.cell(List.of(new Replay.Result("f", GeneratedCase.Kind.FILL, 0, T, false, o, "")), null);
        assertEquals(2, c.origins());
        assertEquals(1, c.faFw(), "the scored warning 20 days before the truth");
        c = Scoreboard.cell(List.of(new Replay.Result("f", GeneratedCase.Kind.FILL, 0, T, false, new Replay.Origin[] {o[0], o[2]}, "")), null);
        assertEquals(1, c.origins());
        assertEquals(0, c.faFw());
        assertEquals(1.0, c.coverage());
        assertEquals(0.0, c.errFw());
    }

    @Test
    void coverageIsUncertainByCasesNotByOrigins() {
        // Two cases of ten origins each, one always covered, one never: 50 % pooled. Resampling origins would
        // put it within 50 +- 18 %; the cases are two, and a resample of them holds 0, 1 or 2 covered ones.
        int[] judged = {10, 10};
        int[] covered = {10, 0};
        double[] ci = Scoreboard.caseInterval(judged, covered);
        assertEquals(0.0, ci[0]);
        assertEquals(1.0, ci[1]);
        // Sixty cases, 54 covered: 90 %, known to about +-6 points, and never beyond the ends of the data.
        judged = new int[60];
        covered = new int[60];
        for (int i = 0; i < 60; i++) {
            judged[i] = 16;
            covered[i] = i < 54 ? 16 : 0;
        }
        ci = Scoreboard.caseInterval(judged, covered);
        assertTrue(ci[0] > 0.80 && ci[0] < 0.87, "low " + ci[0]);
        assertTrue(ci[1] > 0.93 && ci[1] < 0.99, "high " + ci[1]);
        assertTrue(Double.isNaN(Scoreboard.caseInterval(new int[] {0, 0}, new int[] {0, 0})[0]));
    }

    @Test
    void pitPlacesTheTruthAmongTheThreeIntervals() {
        long at = T - 10 * DAY;
        Replay.Answer a80 = answer(T - 2 * DAY, T - 5 * DAY, T + DAY);
        Replay.Answer a50 = answer(T - 2 * DAY, T - 3 * DAY, T - DAY);
        Replay.Answer a95 = answer(T - 2 * DAY, T - 6 * DAY, null);
        // The truth T lies above eta, above the 50 % high end, below the 80 % high end: bin 5 (75-90 %).
        Replay.Origin o = new Replay.Origin(at, true, a80, null, false, null, a50, a95);
        Replay.Origin none = new Replay.Origin(at, true, answer(null, null, null), null, false, null, a50, a95);
        double[] p = Scoreboard.pit(List.of(new Replay.Result("f", GeneratedCase.Kind.FILL, 0, T, false, new Replay.Origin[] {o, none}, "")));
        assertEquals(0.5, p[5], 1e-12);
        assertEquals(0.5, p[8], 1e-12, "no date at 80 %");
    }

    @Test
    void medianTreatsMissingDatesAsInfinite() {
        assertEquals(Double.POSITIVE_INFINITY, Scoreboard.median(List.of(0.1, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY)));
        assertEquals(0.2, Scoreboard.median(List.of(0.1, 0.2, Double.POSITIVE_INFINITY)), 1e-12);
        assertTrue(Double.isNaN(Scoreboard.median(List.of())));
    }
}
