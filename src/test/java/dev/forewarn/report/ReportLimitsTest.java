package dev.forewarn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forewarn.rules.Finding;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class ReportLimitsTest {

    private static final int FINDINGS = ReportLimits.CHARTED_FINDINGS + 70;

    /** 120 filesystems that fill up, and a calm memory finding that sorts last. */
    private static Report manyFindings() {
        List<Finding> findings = new ArrayList<>();
        Map<SeriesKey, Series> h = new HashMap<>();
        for (int i = 0; i < FINDINGS - 1; i++) {
            Finding f = ReportFixtures.varFinding(String.format("/srv/%03d", i));
            findings.add(f);
            h.put(f.projection().series(), ReportFixtures.varHistory(f.projection().series()));
        }
        Finding mem = ReportFixtures.flatMemory();
        findings.add(0, mem);
        h.put(mem.projection().series(), ReportFixtures.flatHistory(mem.projection().series()));
        return new ReportBuilder().host("big-01").generatedMillis(ReportFixtures.AT).atMillis(ReportFixtures.AT)
                .sinceMillis(ReportFixtures.AT - 90 * ReportFixtures.DAY).zone(ZoneOffset.UTC).build(findings, h::get);
    }

    @Test
    void htmlDrawsTheMostUrgentFindingsAndListsTheRestInATable() throws Exception {
        Report r = manyFindings();
        String html = HtmlReport.render(r);
        Document doc = Jsoup.parse(html);
        assertEquals(ReportLimits.CHARTED_FINDINGS, doc.select("section.finding").size());
        assertEquals(ReportLimits.CHARTED_FINDINGS, doc.select("figure > svg").size());
        // the first findings (worst first) are the drawn ones
        assertTrue(doc.select("section.finding h2").first().text().startsWith("1. /srv/000"), doc.select("section.finding h2").first().text());
        var rest = doc.select("#more-findings tr[id^=finding-]");
        assertEquals(FINDINGS - ReportLimits.CHARTED_FINDINGS, rest.size());
        assertEquals("finding-51", rest.first().id());
        assertTrue(rest.last().text().contains("memory"), rest.last().text());
        assertTrue(doc.select("#more-findings p").text().contains("draws the 50 most urgent of 120 findings"), doc.select("#more-findings p").text());
        // every finding's data is still in the appendix and the figures
        assertEquals(FINDINGS + 1, doc.select("#appendix table.data tr").size());
        JsonNode json = EmbeddedReport.read(html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(FINDINGS, json.path("findings").size());
    }

    @Test
    void markdownDrawsTheMostUrgentFindingsAndListsTheRestInATable() {
        List<String> charts = new ArrayList<>();
        for (int i = 1; i <= ReportLimits.CHARTED_FINDINGS; i++) {
            charts.add("report-chart-" + i); // MarkdownReport.write makes one chart file per drawn finding
        }
        String text = MarkdownReport.render(manyFindings(), charts);
        assertTrue(text.contains("## The other 70 findings"), text);
        assertTrue(text.contains("\n| 120 | **OK:** "), text);
        assertEquals(ReportLimits.CHARTED_FINDINGS, text.split("\\]\\(report-chart-", -1).length - 1);
    }
}
