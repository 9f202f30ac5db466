package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.store.SampleStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No human surface prints exponent notation: {@code check}, {@code forecast}, {@code rules explain},
 * the Markdown report and (for the generated store) {@code show}, on the demo store and on a store whose values span 1e-3 to 1e15; and
 * {@code show --format csv} keeps full precision without exponents.
 */
class NoExponentNotationTest {

    /** A digit, then e or E, then an exponent: 7.00e+07, 9.29E10, 1e-05. */
    private static final Pattern EXPONENT = Pattern.compile("\\d[eE][+-]?\\d");
    /** The levels, written out (a label "1e15" would itself look like an exponent). */
    private static final String[] MAGNITUDES = {"0.001", "1", "1000", "1000000", "1000000000", "1000000000000", "1000000000000000"};
    private static final long STEP = 1_800_000L;

    @TempDir
    Path dir;

    /** {@code -v} sets a static level (for the method and reason lines): put it back so later tests in this JVM print no stack traces. */
    @AfterEach
    void quietAgain() {
        new Verbosity().setVerbose(new boolean[0]);
    }

    private static void assertNoExponent(String what, String text) {
        // the SHA-256 values and the embedded JSON are for machines
        String visible = text.replaceAll("[0-9a-f]{64}", "<sha>").replaceAll("(?s)<!-- forewarn-report.*?-->", "");
        Matcher m = EXPONENT.matcher(visible);
        if (m.find()) {
            int from = Math.max(0, visible.lastIndexOf('\n', m.start()) + 1);
            int to = visible.indexOf('\n', m.end());
            throw new AssertionError(what + " prints exponent notation: " + visible.substring(from, to < 0 ? visible.length() : to));
        }
    }

    private static String mdReport(Path dir, String store) throws IOException {
        Path md = dir.resolve("report.md");
        CliRun r = CliRun.of("report", "--store", store, "-o", md.toString());
        assertEquals(0, r.exitCode(), r::err);
        return Files.readString(md, StandardCharsets.UTF_8);
    }

    @Test
    void demoStoreSurfacesPrintNoExponent() throws IOException {
        String store = dir.resolve("demo.db").toString();
        assertEquals(0, CliRun.of("demo", "--store", store).exitCode());
        CliRun check = CliRun.of("check", "--store", store, "-v");
        assertNoExponent("check", check.out());
        for (String sel : new String[] {"fs.avail_bytes", "mem.available_bytes", "proc.rss_bytes"}) {
            CliRun f = CliRun.of("forecast", "--store", store, sel, "--to-zero", "-v");
            assertNoExponent("forecast " + sel, f.out() + f.err());
        }
        for (String id : new String[] {"fs-space", "mem-available", "smart-reallocated"}) {
            CliRun e = CliRun.of("rules", "explain", id, "--store", store);
            assertNoExponent("rules explain " + id, e.out());
        }
        assertNoExponent("report.md", mdReport(dir, store));
    }

    @Test
    void demoCheckAndForecastTextPrintDatesInTheOneLocalStyleNotIso() {
        // the regime's shift, the sawtooth's next cleanup and the guard's notes were ISO-8601 in text
        String store = dir.resolve("demo.db").toString();
        assertEquals(0, CliRun.of("demo", "--store", store).exitCode());
        Pattern iso = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d");
        CliRun check = CliRun.of("check", "--store", store, "-v");
        assertFalse(iso.matcher(check.out()).find(), check.out());
        CliRun f = CliRun.of("forecast", "--store", store, "fs.avail_bytes{mount=\"/var\"}", "--to-zero", "-v");
        assertFalse(iso.matcher(f.out()).find(), f.out());
    }

    /** Seven levels from 1e-3 to 1e15, each a plain series and a bytes series rising 5 % a day with noise. */
    private String generatedStore() {
        Path db = dir.resolve("gen.db");
        long end = System.currentTimeMillis() / STEP * STEP;
        int n = 10 * 48;
        Random rnd = new Random(7);
        List<Series> all = new ArrayList<>();
        for (String mag : MAGNITUDES) {
            double m = Double.parseDouble(mag);
            for (String metric : new String[] {"gen.level", "gen.used_bytes"}) {
                long[] t = new long[n];
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    t[i] = end - (long) (n - 1 - i) * STEP;
                    v[i] = m * (1 + 0.05 * i / 48.0 + 0.01 * rnd.nextGaussian());
                }
                all.add(new Series(SeriesKey.of(metric, "mag", mag), t, v));
            }
        }
        try (SampleStore s = SampleStore.open(db)) {
            s.appendAll(all);
        }
        return db.toString();
    }

    private Path rulesFor() throws IOException {
        StringBuilder y = new StringBuilder("rules:\n");
        for (String mag : MAGNITUDES) {
            for (String metric : new String[] {"gen.level", "gen.used_bytes"}) {
                String limit = new java.math.BigDecimal(mag).multiply(java.math.BigDecimal.valueOf(2)).toPlainString();
                y.append("  - id: gen-").append(metric.substring(4).replace('_', '-')).append('-').append(mag.length()).append('\n')
                        .append("    series: '").append(metric).append("{mag=\"").append(mag).append("\"}'\n")
                        .append("    direction: up\n")
                        .append("    threshold: ").append(limit).append('\n')
                        .append("    warning: 60d\n    critical: 3d\n")
                        .append("    evidence: {span: 1d, samples: 12}\n")
                        .append("    message: \"{series} reaches {threshold} {when}\"\n");
            }
        }
        Path f = dir.resolve("gen.yaml");
        Files.writeString(f, y);
        return f;
    }

    @Test
    void valuesFromAThousandthToAQuadrillionPrintNoExponent() throws IOException {
        String store = generatedStore();
        Path rules = rulesFor();
        CliRun check = CliRun.of("check", "--store", store, "--rules", rules.toString());
        assertTrue(check.out().contains("gen.level"), check.out() + check.err());
        assertNoExponent("check", check.out());
        for (String mag : MAGNITUDES) {
            for (String metric : new String[] {"gen.level", "gen.used_bytes"}) {
                String limit = new java.math.BigDecimal(mag).multiply(java.math.BigDecimal.valueOf(2)).toPlainString();
                CliRun f = CliRun.of("forecast", "--store", store, metric + "{mag=\"" + mag + "\"}", "--threshold", limit, "-v");
                assertEquals(0, f.exitCode(), f::err);
                assertNoExponent("forecast " + metric + " " + mag, f.out());
                if (metric.endsWith("_bytes")) {
                    // a bytes series is worded in bytes (kB, GB/day), never as a bare "283 million"
                    assertFalse(Pattern.compile("million|billion|trillion|quadrillion").matcher(f.out()).find(), f.out());
                    assertTrue(Pattern.compile("[0-9] [kMGTP]?B/day").matcher(f.out()).find(), f.out());
                }
                CliRun e = CliRun.of("rules", "explain", "gen-" + metric.substring(4).replace('_', '-') + "-" + mag.length(),
                        "--store", store, "--rules", rules.toString());
                assertEquals(0, e.exitCode(), e::err);
                assertNoExponent("rules explain " + metric + " " + mag, e.out());
            }
        }
        assertNoExponent("report.md", mdReport(dir, store));
        CliRun show = CliRun.of("show", "--store", store);
        assertEquals(0, show.exitCode(), show::err);
        assertNoExponent("show", show.out());
    }

    @Test
    void csvKeepsFullPrecisionWithoutExponent() {
        String store = generatedStore();
        CliRun csv = CliRun.of("show", "--store", store, "--format", "csv", "gen.level");
        assertEquals(0, csv.exitCode(), csv::err);
        assertFalse(EXPONENT.matcher(csv.out()).find(), csv.out().lines().limit(5).toList()::toString);
        // every value reads back as exactly the double it was
        try (SampleStore s = SampleStore.openReadOnly(Path.of(store))) {
            Series x = s.read(SeriesKey.of("gen.level", "mag", MAGNITUDES[6]), 0, System.currentTimeMillis() + 86_400_000L);
            String last = Double.toString(x.lastValue());
            String printed = csv.out().lines().filter(l -> l.contains("\"" + MAGNITUDES[6] + "\"")).reduce((a, b) -> b).orElseThrow();
            assertEquals(x.lastValue(), Double.parseDouble(printed.substring(printed.lastIndexOf(',') + 1)), last);
        }
    }
}
