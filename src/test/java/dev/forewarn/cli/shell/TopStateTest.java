package dev.forewarn.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TopStateTest {

    private static TopState keys(String typed) {
        TopState s = TopState.initial();
        for (char c : typed.toCharArray()) {
            s = s.onKey(c);
        }
        return s;
    }

    @Test
    void qAndCtrlCQuit() {
        assertTrue(keys("q").quit());
        assertTrue(TopState.initial().onKey(TopState.CTRL_C).quit());
        assertTrue(keys("/va").onKey(TopState.CTRL_C).quit(), "even while typing a filter");
    }

    @Test
    void tabCyclesThroughTheSixPanelsAndDigitsJumpToOne() {
        assertEquals(1, keys("\t").focus());
        assertEquals(0, keys("\t\t\t\t\t\t").focus());
        assertEquals(3, keys("4").focus());
        assertEquals(3, keys("49").focus(), "9 is not a panel");
    }

    @Test
    void sortCyclesUseThenRunsOutThenName() {
        assertEquals(TopState.Sort.USE, TopState.initial().sort());
        assertEquals(TopState.Sort.ETA, keys("s").sort());
        assertEquals(TopState.Sort.NAME, keys("ss").sort());
        assertEquals(TopState.Sort.USE, keys("sss").sort());
    }

    @Test
    void filterIsTypedAfterSlashAndAppliedOnEnter() {
        TopState typing = keys("/vaz").onKey(TopState.BACKSPACE).onKey('r');
        assertTrue(typing.editing());
        assertEquals("var", typing.draft());
        assertEquals("", typing.filter(), "not applied before Enter");
        assertFalse(typing.quit());
        TopState applied = typing.onKey('\r');
        assertEquals("var", applied.filter());
        assertFalse(applied.editing());
        assertEquals("", applied.onKey(TopState.ESC).filter(), "Esc clears it");
    }

    @Test
    void lettersTypedIntoTheFilterAreNotCommands() {
        TopState s = keys("/qs1\t");
        assertFalse(s.quit());
        assertEquals(0, s.focus());
        assertEquals(TopState.Sort.USE, s.sort());
        assertEquals("qs1", s.draft());
    }

    @Test
    void escWhileTypingKeepsThePreviousFilter() {
        TopState s = keys("/var\r/tmp").onKey(TopState.ESC);
        assertEquals("var", s.filter());
        assertFalse(s.editing());
    }
}
