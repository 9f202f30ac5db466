package dev.forewarn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
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
        JsonNode f = ProjectionJson.toJson(ReportFixtures.varFinding("/var"));
        assertEquals("2026-03-14T09:00:00Z", f.get("eta").asText());
        assertTrue(text.contains("fills up on Sat 14 Mar 2026 (95 %: 9–18 Mar 2026)"), text);
        assertTrue(text.contains("Add at least 610 GB to /var by Sat 7 Feb 2026 to keep 90 days of headroom at today's growth."), text);
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
