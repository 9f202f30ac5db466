package dev.forewarn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextDiffTest {

    private static final List<String> SECTIONS = List.of("Verdict", "1. /var (free space) fills up", "Appendix: the data");

    @Test
    void aChangedFigureIsOneChangeNamedByItsSectionWithTheWordsAround() {
        String genuine = "Verdict one thing 1. /var (free space) fills up soon. Add at least 190 GB to /var by Tue. Appendix: the data x";
        List<TextDiff.Change> c = TextDiff.compare(VisibleText.words(genuine.replace("190 GB", "19 GB")), VisibleText.words(genuine), SECTIONS);
        assertEquals(1, c.size(), c.toString());
        assertEquals("1. /var (free space) fills up", c.get(0).section());
        assertTrue(c.get(0).was().contains("Add at least 19 GB to"), c.get(0).was());
        assertTrue(c.get(0).now().contains("Add at least 190 GB to"), c.get(0).now());
    }

    @Test
    void wrappingAndSpacingAreNotChangesButARemovedSentenceIs() {
        String genuine = "Verdict a b c. The limit is reached.\nAppendix: the data";
        assertEquals(List.of(), TextDiff.compare(VisibleText.words("Verdict  a\nb   c. The limit\u00a0is reached. Appendix: the data"),
                VisibleText.words(genuine), SECTIONS));
        List<TextDiff.Change> c = TextDiff.compare(VisibleText.words("Verdict a b c. Appendix: the data"), VisibleText.words(genuine), SECTIONS);
        assertEquals(1, c.size());
        assertEquals("Verdict", c.get(0).section());
        assertTrue(c.get(0).was().contains("(nothing)") && c.get(0).now().contains("The limit is reached."), c.toString());
    }

    @Test
    void theHtmlTextLeavesOutTheEmbeddedDataButKeepsChartLabels() {
        List<String> w = VisibleText.html("<!DOCTYPE html><html><head><title>T</title><style>p{}</style></head><body><p>Add 190 GB</p>"
                + "<svg><text>limit 0 B</text></svg><script type=\"application/json\">{\"amount\":19}</script></body></html>");
        assertEquals(List.of("T", "Add", "190", "GB", "limit", "0", "B"), w);
    }
}
