package dev.forewarn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    @Test
    void hostileMountNameRendersAsText() throws Exception {
        String hostile = "<script>alert(1)</script>";
        String html = HtmlReport.render(ReportFixtures.report(hostile));
        if (System.getenv("FOREWARN_KEEP_REPORT") != null) {
            Files.writeString(Path.of(System.getenv("FOREWARN_KEEP_REPORT")), html);
        }
        Document doc = Jsoup.parse(html);
        // the only script element is the inert JSON block
        assertEquals(1, doc.select("script").size());
        assertEquals("application/json", doc.selectFirst("script").attr("type"));
        assertTrue(doc.select("section.finding h2").text().contains(hostile));
        assertTrue(doc.select("svg").size() >= 2);
    }
}
