package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.Times;
import dev.forewarn.store.SampleStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every label of the demo report says what its number is. */
class ReportLabelsTest {

    static final long END = Times.parseTime("2026-12-01T20:05:00Z", 0, ZoneOffset.UTC);

    @TempDir
    static Path dir;
    static Path db;
    static String md;

    @BeforeAll
    static void demoReport() throws Exception {
        db = dir.resolve("demo.db");
        try (SampleStore s = SampleStore.open(db)) {
            s.appendAll(DemoHistory.build(END, 20260301));
        }
        Path f = dir.resolve("demo.md");
        CliRun r = CliRun.of("report", "--store", db.toString(), "-o", f.toString());
        assertEquals(0, r.exitCode(), r.err());
        md = Files.readString(f);
    }

    /** The section of the Markdown report whose heading contains {@code words}. */
    private static String section(String words) {
        for (String s : md.split("\n## ")) {
            if (s.lines().findFirst().orElse("").contains(words)) {
                return s;
            }
        }
        throw new AssertionError("no section " + words + " in\n" + md);
    }

    @Test
    void theSmartGrowthFindingSaysWhatChangedFromWhenAgainstWhatLimit() {
        String smart = section("reallocated sectors grew");
        assertFalse(smart.contains("| Threshold |"), "a growth verdict has no threshold it rises to: " + smart);
        assertFalse(smart.contains("rising to it"), smart);
        assertFalse(smart.contains("not enough history to replay"), "not beside months of data: " + smart);
        assertFalse(smart.contains("| Projected crossing |"), smart);
        assertTrue(smart.contains("| What changed | rose from 640 to 800 within 7 days; above zero since "), smart);
        assertTrue(smart.contains("| Limit | any growth of a count that should stay at zero"), smart);
        assertFalse(smart.contains("Red dashed") || smart.contains("interval."), "the caption describes no trend that is not drawn: " + smart);
    }

    @Test
    void theDiskAdviceMakesNoUnsourcedClaim() {
        assertFalse(md.contains("Backblaze"), md);
        assertFalse(md.contains("fail far more often"), md);
    }

    @Test
    void theBacktestRowSaysWhatTheBacktestMeasures() {
        String mem = section("available memory");
        String row = mem.lines().filter(l -> l.startsWith("| Backtest")).findFirst().orElse("");
        // the row counts origins, a value error and a rate band's coverage: not "past forecasts" or "interval held"
        assertFalse(row.contains("past forecasts"), "origins are not past forecasts: " + row);
        assertFalse(row.contains("interval held"), row);
        Matcher m = Pattern.compile("\\| Backtest on this series' past \\| replayed from \\d+ origins in the fit window; "
                + "median value error [0-9.]+ % of the change that followed; the 95 % rate band set on the earlier origins' errors held (\\d+) of (\\d+) later ones \\((\\d+) %\\) \\|").matcher(mem);
        assertTrue(m.find(), mem);
        // the share beside its count is the count's share
        assertEquals(Math.round(100.0 * Integer.parseInt(m.group(1)) / Integer.parseInt(m.group(2))), Long.parseLong(m.group(3)), m.group());
    }

    @Test
    void theMethodAgreesWithTheDataShownBesideIt() {
        int compared = 0;
        for (String s : md.split("\n## ")) {
            Matcher all = Pattern.compile("all ([0-9.]+) days of history").matcher(s);
            // "| Data |" was the row's name when the method said "all 30.0 days" beside 90 days of it
            Matcher data = Pattern.compile("\\| Data(?: shown| in this report)? \\| [0-9,]+ points from \\w+ collector, \\w+ (\\d+ \\w+ \\d+) to \\w+ (\\d+ \\w+ \\d+) \\|").matcher(s);
            if (s.contains("| Method | ") && !s.contains("| Method | present value") && data.find()) {
                compared++;
                data.reset();
            }
            if (all.find() && data.find()) {
                long days = java.time.temporal.ChronoUnit.DAYS.between(
                        java.time.LocalDate.parse(data.group(1), java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH)),
                        java.time.LocalDate.parse(data.group(2), java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH)));
                assertTrue(days <= Double.parseDouble(all.group(1)) + 1, "'all " + all.group(1) + " days of history' beside " + days + " days of data: " + s);
            }
        }
        assertTrue(compared >= 2, "the forecasts' methods were read beside their data rows: " + md);
    }

    @Test
    void twoHashesOfOneSeriesSayWhichPointsEachCovers() {
        String mem = section("available memory");
        assertFalse(mem.contains("| SHA-256 of the points |"), mem);
        assertTrue(mem.contains("| SHA-256 of these points |"), mem);
        assertTrue(mem.contains("| SHA-256 of the points the forecast read | "), mem);
        // the hash is code; the words saying which points it covers are text, outside the code span
        assertTrue(java.util.regex.Pattern.compile("\\| SHA-256 of the points the forecast read \\| `[0-9a-f]{64}` \\(the points of the 120 days up to [^`|]+\\) \\|")
                .matcher(mem).find(), mem);
    }

    @Test
    void anUnreadableFindingsHistoryIsNotCalledTheFirstReport() throws Exception {
        Path broken = dir.resolve("broken.db");
        Files.copy(db, broken);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + broken);
             Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO finding_history (rule, series, severity, raised_t, message)"
                    + " VALUES ('fs-space', 'fs.avail_bytes', 'NOT-A-SEVERITY', 1, 'x')");
        }
        Path f = dir.resolve("broken.md");
        assertEquals(0, CliRun.of("report", "--store", broken.toString(), "-o", f.toString(), "fs.avail_bytes{mount=\"/var\"}").exitCode());
        String track = Files.readString(f).split("## Track record on this host")[1];
        assertFalse(track.contains("first report"), track);
        assertTrue(track.contains("could not be read"), track);
        assertTrue(section("Track record").contains("this is the first report from this history"), "an empty history read is the first report");
    }

    @Test
    void everyDateAPersonReadsIsInTheOneLocalStyle() throws Exception {
        // the report mixed "Tue 1 Dec 2026 19:05", "2026-12-01 19:05" and "2026-12-01T19:05:27Z"
        Pattern numeric = Pattern.compile("\\d{4}-\\d\\d-\\d\\d");
        Path html = dir.resolve("demo.html");
        Path pdf = dir.resolve("demo.pdf");
        assertEquals(0, CliRun.of("report", "--store", db.toString(), "-o", html.toString()).exitCode());
        assertEquals(0, CliRun.of("report", "--store", db.toString(), "-o", pdf.toString()).exitCode());
        java.util.Map<String, String> visible = new java.util.LinkedHashMap<>();
        visible.put("md", String.join(" ", dev.forewarn.report.VisibleText.markdown(md)));
        visible.put("html", String.join(" ", dev.forewarn.report.VisibleText.html(Files.readString(html))));
        visible.put("pdf", String.join(" ", dev.forewarn.report.VisibleText.pdf(Files.readAllBytes(pdf))));
        Pattern local = Pattern.compile("(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20\\d\\d \\d\\d:\\d\\d");
        for (var e : visible.entrySet()) {
            Matcher m = numeric.matcher(e.getValue());
            if (m.find()) {
                throw new AssertionError(e.getKey() + " prints a numeric date: "
                        + e.getValue().substring(Math.max(0, m.start() - 80), Math.min(e.getValue().length(), m.end() + 40)));
            }
            assertTrue(local.matcher(e.getValue()).find(), e.getKey() + " names its times as 'Tue 1 Dec 2026 20:05'");
        }
    }

    @Test
    void checkOfTheDemoStoreSaysItIsDemoData() {
        CliRun c = CliRun.of("check", "--store", db.toString(), "--at", Times.iso(END));
        assertTrue(c.out().contains("note: DEMO DATA: this store holds the invented history of 'forewarn demo' (host demo-web-1)"), c.out());
    }
}
