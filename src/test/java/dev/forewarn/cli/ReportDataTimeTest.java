package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.report.PdfReport;
import dev.forewarn.report.ProjectionJson;
import dev.forewarn.report.VisibleText;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.series.Times;
import dev.forewarn.store.SampleStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports depend on the data, not on the wall clock: same store, same figures. */
class ReportDataTimeTest {

    static final long DAY = 86_400_000L;
    static final long LAST = Times.parseTime("2026-03-01T00:03:27Z", 0, ZoneOffset.UTC);
    static final SeriesKey VAR = SeriesKey.of("fs.avail_bytes", "device", "/dev/sda3", "fstype", "ext4", "mount", "/var");
    static final SeriesKey MEM = SeriesKey.of("mem.available_bytes");

    @TempDir
    Path dir;

    /** 40 days of 10-minute samples ending at {@code last}: a noisy /var that fills and memory that leaks. */
    private Path store(long last, int points, long stepMillis) {
        Path db = dir.resolve("t" + points + ".db");
        long[] t = new long[points];
        double[] var = new double[points];
        double[] size = new double[points];
        double[] mem = new double[points];
        double[] total = new double[points];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        for (int i = 0; i < points; i++) {
            t[i] = last - (long) (points - 1 - i) * stepMillis;
            double days = (t[i] - last) / (double) DAY;
            var[i] = 60e9 - 2e9 * days + 1e9 * rnd.nextGaussian() + 2e9 * Math.sin(2 * Math.PI * days);
            size[i] = 500e9;
            mem[i] = 6e9 - 0.3e9 * days + 0.2e9 * rnd.nextGaussian();
            total[i] = 16e9;
        }
        try (SampleStore s = SampleStore.open(db)) {
            s.appendAll(List.of(new Series(VAR, t, var), new Series(VAR.withName("fs.size_bytes"), t, size),
                    new Series(MEM, t, mem), new Series(SeriesKey.of("mem.total_bytes"), t, total)));
        }
        return db;
    }

    /** The file without its generation time, which alone may differ. */
    private static String withoutGenerated(String text, long generatedMillis) {
        return text.replace(Times.local(generatedMillis, ZoneId.systemDefault()), "GENERATED")
                .replace(Times.iso(generatedMillis), "GENERATED");
    }

    @Test
    void reportsOfAnUnchangedStoreMinutesApartCarryIdenticalFigures() throws Exception {
        Path db = store(LAST, 40 * 144, 600_000L);
        long first = LAST + 2 * 60_000 + 4_000;
        long second = LAST + 9 * 60_000 + 13_000; // seven minutes and some seconds later
        for (String ext : List.of("html", "md", "json", "pdf")) {
            Path a = dir.resolve("a." + ext);
            Path b = dir.resolve("b." + ext);
            assertEquals(0, ReportVerifyTest.at(first, "report", "--store", db.toString(), "-o", a.toString()).exitCode());
            assertEquals(0, ReportVerifyTest.at(second, "report", "--store", db.toString(), "-o", b.toString()).exitCode());
            if (ext.equals("pdf")) {
                byte[] pa = Files.readAllBytes(a);
                byte[] pb = Files.readAllBytes(b);
                assertEquals(withoutGenerated(String.join(" ", VisibleText.pdf(pa)), first),
                        withoutGenerated(String.join(" ", VisibleText.pdf(pb)), second), "the PDFs' text");
                assertEquals(withoutGenerated(PdfReport.attachedJson(pa), first), withoutGenerated(PdfReport.attachedJson(pb), second));
            } else {
                String ta = withoutGenerated(Files.readString(a, StandardCharsets.UTF_8), first);
                String tb = withoutGenerated(Files.readString(b, StandardCharsets.UTF_8).replace("b-chart-", "a-chart-"), second);
                assertEquals(ta, tb, ext + " reports differ beyond their generation time");
            }
        }
        var n = ProjectionJson.MAPPER.readTree(dir.resolve("a.json").toFile());
        assertEquals(Times.iso(LAST / 1000 * 1000), n.get("at").asText(), "judged at the newest point, not at the clock");
        assertTrue(Files.readString(dir.resolve("a.md")).contains("Data up to " + dev.forewarn.report.ReportText.dayTime(LAST, ZoneId.systemDefault())));
    }

    @Test
    void theHeaderSaysTheRealSpanOfAShortHistory() throws Exception {
        // twenty minutes of data: the header must not claim three months ("since Wed 2 Sep")
        Path db = store(LAST, 21, 60_000L);
        Path md = dir.resolve("short.md");
        assertEquals(0, ReportVerifyTest.at(LAST + 60_000, "report", "--store", db.toString(), "-o", md.toString(),
                "fs.avail_bytes").exitCode());
        String text = Files.readString(md);
        String header = text.lines().filter(l -> l.startsWith("_Data up to")).findFirst().orElseThrow();
        assertTrue(header.contains("(20 minutes of data)"), header);
        assertFalse(Pattern.compile("since \\w{3} \\d+ \\w{3} 2025").matcher(header).find(), header);
        assertFalse(header.contains(dev.forewarn.report.ReportText.day(LAST - 90 * DAY, ZoneId.systemDefault())), header);
    }
}
