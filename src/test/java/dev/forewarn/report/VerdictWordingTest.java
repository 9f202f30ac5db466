package dev.forewarn.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Page 1 says how sure its dates are in words, not only by naming "the 95 % interval". */
class VerdictWordingTest {

    @Test
    void theSummarySaysWhatTheBracketedRangeIs() {
        String summary = Verdict.of(ReportFixtures.report("/var")).summary();
        assertTrue(summary.contains("Dates are the most likely day; in brackets, the range of days that holds it with 95 % confidence."), summary);
        assertFalse(summary.contains("interval in brackets"), summary);
    }
}
