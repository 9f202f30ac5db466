package dev.forewarn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
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
    void pdfCarriesTheReportJsonAsAnAttachment() throws Exception {
        Report r = ReportFixtures.report("/var");
        String json = PdfReport.attachedJson(PdfReport.bytes(r));
        assertNotNull(json);
        JsonNode n = ProjectionJson.MAPPER.readTree(json);
        assertEquals(r.sha256(), n.at("/appendix/sha256").asText());
        assertEquals("2026-03-09T00:00:00Z", n.at("/findings/0/eta_low").asText());
    }
}
