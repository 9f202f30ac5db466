package dev.forewarn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportDiffTest {

    @Test
    void everyFormatCarriesFiguresThatMatchTheReport() throws Exception {
        Report r = ReportFixtures.report("/var");
        JsonNode expected = ReportJson.toJson(r);
        List<byte[]> files = List.of(
                expected.toString().getBytes(StandardCharsets.UTF_8),
                HtmlReport.render(r).getBytes(StandardCharsets.UTF_8),
                MarkdownReport.render(r, List.of("a", "b")).getBytes(StandardCharsets.UTF_8),
                PdfReport.bytes(r));
        for (byte[] f : files) {
            assertEquals(List.of(), ReportDiff.compare(EmbeddedReport.read(f), expected));
        }
    }

    @Test
    void changedPointsAreNamedBySeries() throws Exception {
        Report r = ReportFixtures.report("/var");
        ObjectNode recomputed = ReportJson.toJson(r);
        ObjectNode var = (ObjectNode) recomputed.get("findings").get(0);
        ((ObjectNode) var.get("data")).put("sha256", "00".repeat(32));
        var.put("eta", "2026-03-20T00:00:00Z");
        List<ReportDiff.Difference> d = ReportDiff.compare(ReportJson.toJson(r), recomputed);
        assertEquals(2, d.size(), d.toString());
        assertTrue(d.stream().allMatch(x -> x.series().startsWith("fs.avail_bytes{")));
        assertTrue(d.get(0).toString().contains("eta was \"2026-03-14T09:00:00Z\", now \"2026-03-20T00:00:00Z\""), d.get(0).toString());
    }
}
