package dev.forewarn.forecast.bench;

import dev.forewarn.forecast.Backtest;
import dev.forewarn.forecast.Direction;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * The public series in {@code shared/data} as replay cases, read in place at run time.
 * NERSC Lustre: free space of each file system and of each OST/MDT (threshold 0, nothing
 * fills, so every warning is a false alarm). NAB CloudWatch: each series against a sane limit it
 * never approaches — the larger of its natural limit (100 for CPU percentages) and its maximum
 * plus its whole range (four CPU series do saturate near 100 %) — so every "will be exhausted"
 * warning is a false alarm.
 */
public final class RealData {

    private static final long HOUR = 3_600_000L;
    private static final DateTimeFormatter NAB_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private RealData() {
    }

    /** One case per NERSC file system (free bytes with its size series). */
    public static List<Backtest.Case> nerscFilesystems(Path dir) throws IOException {
        Map<String, List<double[]>> rows = new TreeMap<>();
        try (BufferedReader r = Files.newBufferedReader(dir.resolve("filesystem_summary_tidy.csv"), StandardCharsets.UTF_8)) {
            String line = r.readLine();
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",");
                rows.computeIfAbsent(f[2], k -> new ArrayList<>()).add(new double[] {
                        Long.parseLong(f[0]) * 1000.0, Double.parseDouble(f[3]) * 1024, Double.parseDouble(f[5]) * 1024});
            }
        }
        return toCases("nersc " , rows);
    }

    /** One case per NERSC OST or MDT. */
    public static List<Backtest.Case> nerscTargets(Path dir) throws IOException {
        Map<String, List<double[]>> rows = new TreeMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(dir.resolve("ost_fullness_tidy.csv.gz"))), StandardCharsets.UTF_8))) {
            String line = r.readLine();
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",");
                rows.computeIfAbsent(f[2] + ":" + f[3], k -> new ArrayList<>()).add(new double[] {
                        Long.parseLong(f[0]) * 1000.0, Double.parseDouble(f[5]) * 1024, Double.parseDouble(f[7]) * 1024});
            }
        }
        return toCases("nersc ", rows);
    }

    private static List<Backtest.Case> toCases(String prefix, Map<String, List<double[]>> rows) {
        List<Backtest.Case> out = new ArrayList<>();
        for (Map.Entry<String, List<double[]>> e : rows.entrySet()) {
            List<double[]> pts = e.getValue();
            pts.sort((a, b) -> Double.compare(a[0], b[0]));
            long[] t = new long[pts.size()];
            double[] avail = new double[t.length];
            double[] size = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                t[i] = (long) pts.get(i)[0];
                size[i] = pts.get(i)[1];
                avail[i] = pts.get(i)[2];
            }
            SeriesKey key = SeriesKey.of("fs.avail_bytes", "mount", e.getKey());
            Series s = new Series(key, t, avail);
            Series sz = new Series(key.withName("fs.size_bytes"), t, size);
            out.add(new Backtest.Case(prefix + e.getKey(), s, sz, 0, Direction.DOWN, at -> null, Long.MAX_VALUE,
                    t[0] + HOUR, t[t.length - 1], HOUR));
        }
        return out;
    }

    /** One case per NAB CloudWatch series. */
    public static List<Backtest.Case> nab(Path dir) throws IOException {
        List<Backtest.Case> out = new ArrayList<>();
        List<Path> files;
        try (var stream = Files.list(dir)) {
            files = stream.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            long[] t = new long[lines.size() - 1];
            double[] v = new double[t.length];
            int n = 0;
            for (String line : lines.subList(1, lines.size())) {
                String[] p = line.split(",");
                long ti = LocalDateTime.parse(p[0].strip(), NAB_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
                if (n > 0 && ti <= t[n - 1]) {
                    continue;
                }
                t[n] = ti;
                v[n++] = Double.parseDouble(p[1]);
            }
            t = java.util.Arrays.copyOf(t, n);
            v = java.util.Arrays.copyOf(v, n);
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (double x : v) {
                max = Math.max(max, x);
                min = Math.min(min, x);
            }
            String name = f.getFileName().toString().replace(".csv", "");
            double limit = Math.max(name.contains("cpu") ? 100 : Double.NEGATIVE_INFINITY, max + (max - min));
            Series s = new Series(SeriesKey.of("nab.value", "file", name), t, v);
            out.add(new Backtest.Case("nab " + name, s, null, limit, Direction.UP, at -> null, Long.MAX_VALUE,
                    t[0] + 24 * HOUR, t[n - 1], 2 * HOUR));
        }
        return out;
    }
}
