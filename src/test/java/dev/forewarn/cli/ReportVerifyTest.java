package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.report.PdfReport;
import dev.forewarn.report.Recommendation;
import dev.forewarn.report.Report;
import dev.forewarn.report.ReportAssembly;
import dev.forewarn.report.ReportItem;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.series.Times;
import dev.forewarn.store.SampleStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code report --verify} compares what a reader sees, not only the embedded figures. */
class ReportVerifyTest {

    static final long DAY = 86_400_000L;
    /** The newest point of the store. */
    static final long LAST = Times.parseTime("2026-03-01T00:00:00Z", 0, ZoneOffset.UTC);
    static final SeriesKey VAR = SeriesKey.of("fs.avail_bytes", "device", "/dev/sda3", "fstype", "ext4", "mount", "/var");
    static final Pattern ADD = Pattern.compile("Add at least (\\d+) GB");

    @TempDir
    Path dir;
    Path db;

    /** 30 days of hourly samples of a /var that loses 4 GB a day from 150 GB of 500 GB. */
    @BeforeEach
    void store() {
        db = dir.resolve("t.db");
        int n = 30 * 24;
        long[] t = new long[n];
        double[] var = new double[n];
        double[] size = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = LAST - (long) (n - 1 - i) * 3_600_000L;
            double days = (t[i] - LAST) / (double) DAY;
            var[i] = 30e9 - 4e9 * days + 0.2e9 * Math.sin(i * 0.7);
            size[i] = 500e9;
        }
        try (SampleStore s = SampleStore.open(db)) {
            s.appendAll(List.of(new Series(VAR, t, var), new Series(VAR.withName("fs.size_bytes"), t, size)));
        }
    }

    /** Runs a command with the wall clock reading {@code nowMillis}; returns exit code and stdout. */
    static CliRun at(long nowMillis, String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine(args);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        if (cl.getSubcommands().get("report") != null) {
            ((ReportCommand) cl.getSubcommands().get("report").getCommand()).clock = () -> nowMillis;
        }
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), "");
    }

    /** The amount the report asks to add, as printed ("Add at least 120 GB"). */
    static String amount(String text) {
        Matcher m = ADD.matcher(text);
        assertTrue(m.find(), "the report recommends adding space: " + text);
        return m.group(1);
    }

    private void assertForgeryNamed(Path file, String real, String forged) {
        CliRun v = at(LAST + 3 * 3_600_000L, "report", "--store", db.toString(), "--verify", file.toString());
        assertEquals(1, v.exitCode(), v.out());
        assertTrue(v.out().contains("does NOT match"), v.out());
        assertTrue(v.out().contains("Add at least " + forged + " GB") && v.out().contains("Add at least " + real + " GB"),
                "the words that differ are named: " + v.out());
        assertTrue(v.out().contains("/var (free space) fills up"), "the finding is named: " + v.out());
    }

    @Test
    void aForgedFigureInEveryPlaceOfTheHtmlFailsVerify() throws Exception {
        Path html = dir.resolve("r.html");
        assertEquals(0, at(LAST + 60_000, "report", "--store", db.toString(), "-o", html.toString()).exitCode());
        String text = Files.readString(html);
        String real = amount(text);
        String forged = real.substring(0, real.length() - 1);
        String changed = text.replace("Add at least " + real + " GB", "Add at least " + forged + " GB");
        assertTrue(changed.split("Add at least " + forged + " GB", -1).length - 1 >= 3, "verdict, finding and embedded JSON all forged");
        Files.writeString(html, changed);
        assertForgeryNamed(html, real, forged);
    }

    @Test
    void aForgedFigureInTheMarkdownFailsVerify() throws Exception {
        Path md = dir.resolve("r.md");
        assertEquals(0, at(LAST + 60_000, "report", "--store", db.toString(), "-o", md.toString()).exitCode());
        String text = Files.readString(md);
        String real = amount(text);
        String forged = real.substring(0, real.length() - 1);
        Files.writeString(md, text.replace("Add at least " + real + " GB", "Add at least " + forged + " GB"));
        assertForgeryNamed(md, real, forged);
    }

    @Test
    void aForgedFigureInThePdfFailsVerify() throws Exception {
        // A forger redraws the pages with another figure and keeps the genuine figures attached.
        ReportAssembly a = new ReportAssembly(null, LAST, LAST - 90 * DAY, 0.95, 90 * DAY, 30 * DAY, List.of(), ZoneId.systemDefault());
        Report genuine;
        try (SampleStore s = SampleStore.openReadOnly(db)) {
            genuine = a.build(ReportCommand.inputs(s, null), LAST + 60_000);
        }
        Path pdf = dir.resolve("r.pdf");
        Files.write(pdf, PdfReport.bytes(genuine));
        CliRun ok = at(LAST + 3 * 3_600_000L, "report", "--store", db.toString(), "--verify", pdf.toString());
        assertEquals(0, ok.exitCode(), "the genuine PDF passes: " + ok.out());

        String real = amount(genuine.items().get(0).recommendation().action());
        String forged = real.substring(0, real.length() - 1);
        List<ReportItem> items = new ArrayList<>();
        for (ReportItem i : genuine.items()) {
            Recommendation r = i.recommendation();
            items.add(new ReportItem(i.finding(), i.history(),
                    new Recommendation(r.action().replace("Add at least " + real + " GB", "Add at least " + forged + " GB"), r.amount(),
                            r.orderByMillis(), r.orderByPassed(), r.runwayMillis(), r.leadTimeMillis()), i.baseline(), i.data()));
        }
        Report forgery = new Report(genuine.host(), genuine.generatedMillis(), genuine.atMillis(), genuine.sinceMillis(),
                genuine.confidence(), genuine.runwayMillis(), genuine.leadTimeMillis(), genuine.selectors(), items,
                genuine.trackRecord(), genuine.collectors(), genuine.sha256(), genuine.zone(), genuine.provenance(), genuine.demo(),
                genuine.checked(), genuine.trackRecordNote());
        Files.write(pdf, PdfReport.bytes(forgery));
        assertForgeryNamed(pdf, real, forged);
    }

    @Test
    void anUntouchedReportMadeEarlierStillPassesInEveryFormat() throws Exception {
        for (String name : List.of("r.html", "r.md", "r.pdf", "r.json")) {
            Path f = dir.resolve(name);
            assertEquals(0, at(LAST + 60_000, "report", "--store", db.toString(), "-o", f.toString()).exitCode());
            // verified an hour and ten minutes later: the report's recorded time is used, not the clock
            CliRun v = at(LAST + 70 * 60_000, "report", "--store", db.toString(), "--verify", f.toString());
            assertEquals(0, v.exitCode(), name + ": " + v.out());
            assertTrue(v.out().contains("matches the store"), v.out());
        }
    }

    @Test
    void aReportRecordsTheVersionRulesAndOptionsItWasMadeWith() throws Exception {
        Path json = dir.resolve("r.json");
        assertEquals(0, at(LAST + 60_000, "report", "--store", db.toString(), "--runway", "60d", "-o", json.toString()).exitCode());
        String s = Files.readString(json, StandardCharsets.UTF_8);
        var n = dev.forewarn.report.ProjectionJson.MAPPER.readTree(s);
        assertTrue(n.at("/made_by/forewarn_version").isTextual(), s);
        assertTrue(n.at("/made_by/commit").isTextual(), s);
        assertEquals(64, n.at("/made_by/rules_sha256").asText().length(), s);
        assertEquals(60.0, n.get("runway_days").asDouble());
        assertEquals(ZoneId.systemDefault().getId(), n.get("zone").asText());

        // the same report said to come from another version: verify says so instead of only "changed"
        var forged = (com.fasterxml.jackson.databind.node.ObjectNode) n.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) forged.get("made_by")).put("forewarn_version", "0.0.1-old");
        forged.put("runway_days", 120.0);
        Files.writeString(json, forged.toPrettyString());
        CliRun v = at(LAST + 60_000, "report", "--store", db.toString(), "--verify", json.toString());
        assertEquals(1, v.exitCode(), v.out());
        assertTrue(v.out().contains("made by forewarn 0.0.1-old"), v.out());
    }
}
