package dev.forewarn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfReportTest {

    @Test
    void pdfTextCarriesTheDatesIntervalRecommendationAndHashOfTheForecast() throws Exception {
        Report r = ReportFixtures.report("/var");
        byte[] pdf = PdfReport.bytes(r);
        if (System.getenv("FOREWARN_KEEP_PDF") != null) {
            Files.write(Path.of(System.getenv("FOREWARN_KEEP_PDF")), pdf);
        }
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        // the dates printed must be the forecast's own, from its JSON
        JsonNode f = ProjectionJson.toJson(ReportFixtures.varFinding("/var"));
        long eta = Instant.parse(f.get("eta").asText()).toEpochMilli();
        long low = Instant.parse(f.get("eta_low").asText()).toEpochMilli();
        long high = Instant.parse(f.get("eta_high").asText()).toEpochMilli();
        assertTrue(text.contains("fills up on " + ReportText.day(eta, ZoneOffset.UTC) + " (95 %: "
                + ReportText.interval(low, high, ZoneOffset.UTC) + ")"), text);
        assertTrue(text.contains("fills up on Sat 14 Mar 2026 (95 %: 9–18 Mar 2026)"), text);
        // 6.7 GB/day for 90 days is 603 GB, rounded up; ordered 30 days before the early bound (9 Mar)
        String orderBy = ReportText.day(low - 30 * 86_400_000L, ZoneOffset.UTC);
        assertEquals("Sat 7 Feb 2026", orderBy);
        assertTrue(text.contains("Add at least 610 GB to /var by " + orderBy + " to keep 90 days of headroom at today's growth"), text);
        assertTrue(text.contains(r.sha256()), "the appendix prints the hash of all points");
        assertTrue(text.contains(r.items().get(0).data().sha256()));
    }

    @Test
    void aFindingWhoseFactsRunOntoANewPageLeavesTheRestOfThatPageToTheNextFinding() throws Exception {
        // A long reason pushes the /var finding's last facts onto a second page: the memory finding
        // follows them there instead of leaving that page almost empty.
        String reason = "first touch of 256 simulated paths, ".repeat(50);
        Report r = ReportFixtures.report(ReportFixtures.varFinding("/var", reason));
        List<String> pages = pages(PdfReport.bytes(r));
        String first = "1. " + ReportText.headline(r, r.items().get(0).finding());
        String second = "2. " + ReportText.headline(r, r.items().get(1).finding());
        int firstHeading = indexOf(pages, first);
        // its last fact is the hash of the points its forecast read
        int factsEnd = indexOf(pages, r.items().get(0).finding().projection().dataSha256());
        assertTrue(firstHeading >= 0 && factsEnd > firstHeading, "the facts run onto a new page: " + firstHeading + ", " + factsEnd);
        assertEquals(factsEnd, indexOf(pages, second), "the next finding starts on that page: " + pages);
        // a finding that fits its page keeps the page to itself: the next one starts a new page
        List<String> calm = pages(PdfReport.bytes(ReportFixtures.report("/var")));
        assertEquals(indexOf(calm, first) + 1, indexOf(calm, second), "the next finding's own page: " + calm);
    }

    /** Each page's text, whitespace runs as one space. */
    private static List<String> pages(byte[] pdf) throws Exception {
        List<String> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper s = new PDFTextStripper();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                s.setStartPage(p);
                s.setEndPage(p);
                out.add(s.getText(doc).replaceAll("\\s+", " "));
            }
        }
        return out;
    }

    private static int indexOf(List<String> pages, String text) {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void pdfCarriesTheReportJsonAsAnAttachment() throws Exception {
        Report r = ReportFixtures.report("/var");
        String json = PdfReport.attachedJson(PdfReport.bytes(r));
        assertNotNull(json);
        JsonNode n = ProjectionJson.MAPPER.readTree(json);
        assertEquals(r.sha256(), n.at("/appendix/sha256").asText());
        assertEquals("2026-03-09T00:00:00Z", n.at("/findings/0/eta_low").asText());
    }
}
