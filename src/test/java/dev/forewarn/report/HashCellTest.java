package dev.forewarn.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The HTML set the note after a hash in the hash's break-anywhere monospace, so the demo's page
 * read "(the points of the 120 days up t" / "o Tue 1 Dec 2026 23:25)": only the hash is monospace.
 */
class HashCellTest {

    @Test
    void onlyTheHashIsMonospaceNotTheWordsAfterIt() {
        String html = HtmlReport.render(ReportFixtures.report("/var"));
        assertTrue(html.contains("<td><span class=\"hash\">" + "ab".repeat(32) + "</span> (the points of the 120 days up to "), html);
        assertTrue(html.matches("(?s).*<td><span class=\"hash\">[0-9a-f]{64}</span></td>.*"), "a hash alone is still monospace");
    }
}
