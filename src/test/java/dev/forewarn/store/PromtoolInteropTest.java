package dev.forewarn.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.forewarn.series.Selector;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export read by Prometheus's own tool, {@code promtool} (Debian's prometheus package,
 * which .ci/run installs): the history backfills into a Prometheus TSDB point for point, and
 * the latest values pass {@code promtool check metrics} as node_exporter's textfile collector
 * reads them.
 */
class PromtoolInteropTest {

    @TempDir
    Path dir;

    private static String promtool;

    @BeforeAll
    static void findPromtool() {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "promtool"))) {
                promtool = Path.of(d, "promtool").toString();
                return;
            }
        }
    }

    @Test
    void historyExportBackfillsIntoAPrometheusTsdbPointForPoint() throws Exception {
        assumeTrue(promtool != null, "promtool is not installed (apt-get install prometheus; .ci/run does)");
        List<Series> original = history();
        Path om = dir.resolve("history.om");
        try (SampleStore s = SampleStore.open(dir.resolve("s.db")); Writer w = Files.newBufferedWriter(om)) {
            s.appendAll(original);
            OpenMetricsExport.write(s, s.find(Selector.parse("*")), Long.MIN_VALUE, Long.MAX_VALUE, false, w);
        }
        Path tsdb = dir.resolve("tsdb");
        run(promtool, "tsdb", "create-blocks-from", "openmetrics", om.toString(), tsdb.toString());
        Files.createDirectories(tsdb.resolve("wal")); // 'tsdb dump' opens the head too
        Map<String, List<String>> dumped = new TreeMap<>();
        for (String line : run(promtool, "tsdb", "dump", tsdb.toString()).split("\n")) {
            int value = line.lastIndexOf(' ', line.lastIndexOf(' ') - 1);
            dumped.computeIfAbsent(line.substring(0, value), k -> new ArrayList<>()).add(line.substring(value + 1));
        }
        Map<String, List<String>> expected = new TreeMap<>();
        for (Series s : original) {
            List<String> points = new ArrayList<>();
            for (int i = 0; i < s.size(); i++) {
                points.add(s.value(i) + " " + s.timeMillis(i));
            }
            expected.put(prometheusLabels(s.key()), points);
        }
        assertEquals(expected.keySet(), dumped.keySet());
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            List<String> got = new ArrayList<>();
            for (String p : dumped.get(e.getKey())) {
                int sp = p.indexOf(' ');
                got.add(Double.parseDouble(p.substring(0, sp)) + p.substring(sp)); // Go's %g to Java's text of the same double
            }
            assertEquals(e.getValue(), got, e.getKey());
        }
    }

    @Test
    void latestExportPassesPromtoolCheckMetrics() throws Exception {
        assumeTrue(promtool != null, "promtool is not installed (apt-get install prometheus; .ci/run does)");
        Path prom = dir.resolve("forewarn.prom");
        try (SampleStore s = SampleStore.open(dir.resolve("s.db")); Writer w = Files.newBufferedWriter(prom)) {
            s.appendAll(history());
            OpenMetricsExport.write(s, s.find(Selector.parse("*")), Long.MIN_VALUE, Long.MAX_VALUE, true, w);
        }
        assertEquals("", run(promtool, "check", "metrics", "<", prom.toString()));
    }

    /** Gauges and a counter, labels that need escapes, values from the tiny to the huge, missing readings. */
    private static List<Series> history() {
        return ImportExportRoundTripTest.awkwardHistory(List.of(
                SeriesKey.of("fs.avail_bytes", "mount", "/", "device", "/dev/sda1"),
                SeriesKey.of("fs.avail_bytes", "mount", "/srv/we\"ird,path\\x\ny"),
                SeriesKey.of("disk.read_bytes_total", "disk", "nvme0n1"),
                SeriesKey.of("cpu.busy_ratio")), 11, 120_000);
    }

    /** A series as 'promtool tsdb dump' names it: {__name__="...", label="value"}, labels sorted, Go-quoted. */
    private static String prometheusLabels(SeriesKey key) {
        StringBuilder sb = new StringBuilder("{__name__=\"").append(PromNames.sampleName(key.name())).append('"');
        for (Map.Entry<String, String> e : key.labels().entrySet()) {
            sb.append(", ").append(e.getKey()).append("=\"")
                    .append(e.getValue().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
        }
        return sb.append('}').toString();
    }

    /** Runs a command (a lone "<" redirects the next argument into its stdin); its stdout, or a failure with stderr. */
    private static String run(String... cmd) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(cmd));
        ProcessBuilder pb = new ProcessBuilder();
        int redirect = args.indexOf("<");
        if (redirect >= 0) {
            pb.redirectInput(Path.of(args.get(redirect + 1)).toFile());
            args.subList(redirect, redirect + 2).clear();
        }
        Path err = Files.createTempFile("promtool", ".err");
        Process p = pb.command(args).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", args) + " did not finish in 60 s");
        }
        String stderr = Files.readString(err);
        Files.delete(err);
        assertEquals(0, p.exitValue(), String.join(" ", args) + " failed: " + stderr + out);
        return out;
    }
}
