package dev.forewarn.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class SafeTextTest {

    @Test
    void plainTextIsReturnedUnchanged() {
        String s = "/var fills in 9 days (Sat 14 Mar, 80 %: 9–18 Mar) — 77 GB";
        assertSame(s, SafeText.line(s));
    }

    @Test
    void lineBreaksControlsAndBidiBecomeVisibleEscapes() {
        assertEquals("/x\\nCRITICAL", SafeText.line("/x\nCRITICAL"));
        assertEquals("a\\r\\tb", SafeText.line("a\r\tb"));
        assertEquals("\\x1b[31mred", SafeText.line("\u001b[31mred"));
        assertEquals("\\x7f\\x85", SafeText.line("\u007f\u0085"));
        assertEquals("b\\u202etxt\\u2066\\u2028", SafeText.line("b\u202etxt\u2066\u2028"));
    }

    @Test
    void nagiosTextHasNoPipe() {
        assertEquals("/data\u00a6fake_perf=1", SafeText.nagios("/data|fake_perf=1"));
    }

    @Test
    void perfLabelIsQuotedWithQuotesDoubledAndNoEquals() {
        assertEquals("'fs-space:/it''s'", SafeText.perfLabel("fs-space:/it's"));
        assertEquals("'a\u00a6b:1\\n'", SafeText.perfLabel("a|b=1\n"));
    }
}
