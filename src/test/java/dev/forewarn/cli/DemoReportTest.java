package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.Times;
import dev.forewarn.store.SampleStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report of the demo store says so on its first page and names the demo's own host, in every format. */
class DemoReportTest {

    static final long END = Times.parseTime("2026-12-01T20:05:00Z", 0, ZoneOffset.UTC);

    @TempDir
    static Path dir;
    static Path db;

    @BeforeAll
    static void demoStore() {
        db = dir.resolve("demo.db");
        try (SampleStore s = SampleStore.open(db)) {
            s.appendAll(DemoHistory.build(END, 20260301));
        }
    }

    private static Path report(String name) {
        Path f = dir.resolve(name);
        CliRun r = CliRun.of("report", "--store", db.toString(), "-o", f.toString());
        assertEquals(0, r.exitCode(), r.err());
        return f;
    }

    @Test
    void theHtmlReportOfTheDemoSaysDemoDataAtTheTop() throws Exception {
        Document d = Jsoup.parse(report("demo.html").toFile(), "UTF-8");
        assertTrue(d.title().contains("DEMO DATA") && d.title().contains(DemoHistory.HOST), d.title());
        String header = d.select("header").text();
        assertTrue(header.contains("DEMO DATA"), header);
        assertTrue(header.contains("Capacity report: " + DemoHistory.HOST), header);
        assertFalse(header.contains(ReportCommand.localHost()) && !ReportCommand.localHost().equals(DemoHistory.HOST), header);
    }

    @Test
    void theMarkdownReportOfTheDemoSaysDemoDataBeforeTheVerdict() throws Exception {
        String md = Files.readString(report("demo.md"));
        int demo = md.indexOf("DEMO DATA");
        assertTrue(demo >= 0 && demo < md.indexOf("## Verdict"), md.substring(0, Math.min(600, md.length())));
        assertTrue(md.startsWith("# Capacity report: " + DemoHistory.HOST), md.substring(0, 80));
    }

    @Test
    void thePdfReportOfTheDemoSaysDemoDataOnItsFirstPage() throws Exception {
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(report("demo.pdf")))) {
            PDFTextStripper t = new PDFTextStripper();
            t.setStartPage(1);
            t.setEndPage(1);
            String first = t.getText(doc);
            assertTrue(first.contains("DEMO DATA"), first);
            assertTrue(first.contains(DemoHistory.HOST), first);
            assertTrue(doc.getDocumentInformation().getTitle().contains("DEMO DATA"));
        }
    }

    @Test
    void aReportOfARealStoreIsNotMarkedAsDemo() throws Exception {
        Path real = dir.resolve("real.db");
        try (SampleStore s = SampleStore.open(real)) {
            s.appendAll(DemoHistory.build(END, 20260301).stream().filter(x -> !x.key().name().equals(DemoHistory.INFO_SERIES)).toList());
        }
        Path f = dir.resolve("real.md");
        assertEquals(0, CliRun.of("report", "--store", real.toString(), "-o", f.toString()).exitCode());
        String md = Files.readString(f);
        assertFalse(md.contains("DEMO DATA"));
        assertFalse(md.contains(DemoHistory.HOST));
    }
}
