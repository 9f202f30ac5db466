package dev.forewarn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownReportTest {

    @TempDir
    Path dir;

    @Test
    void markdownWritesEachChartAsPngAndSvgBesideIt() throws Exception {
        Path md = dir.resolve("ticket.md");
        List<Path> written = MarkdownReport.write(ReportFixtures.report("/var"), md);
        assertEquals(List.of(md, dir.resolve("ticket-chart-1.png"), dir.resolve("ticket-chart-1.svg"),
                dir.resolve("ticket-chart-2.png"), dir.resolve("ticket-chart-2.svg")), written);
        byte[] png = Files.readAllBytes(dir.resolve("ticket-chart-1.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        assertTrue(Files.readString(dir.resolve("ticket-chart-1.svg")).contains("<svg"));
        String text = Files.readString(md);
        assertTrue(text.contains("![chart: /var (free space)](ticket-chart-1.png)"), text);
        assertTrue(text.contains("Add at least 610 GB to /var by Sat 7 Feb 2026"));
    }

    @Test
    void markdownEscapesHostileLabelsAndStillCarriesTheFigures() throws Exception {
        Path md = dir.resolve("r.md");
        Report r = ReportFixtures.report("<script>alert(1)</script>");
        MarkdownReport.write(r, md);
        String text = Files.readString(md);
        assertFalse(text.contains("<script>"));
        assertTrue(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(ReportDiff.compare(EmbeddedReport.read(Files.readAllBytes(md)), ReportJson.toJson(r)).isEmpty());
    }
}
