package dev.forewarn.forecast.bench;

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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * The public series in {@code shared/data} as cases, read in place at run time.
 *
 * <p>NERSC Lustre (70 snapshots in under a day): a file system whose free space falls is judged
 * against the level it really reaches later — the free space at 80 % of its span — with the truth
 * its first sample at or below that level; the others, and every OST and MDT, are quiet against 0
 * (nothing fills). NAB CloudWatch (about 14 days at 5 minutes, no capacity limit): a series whose
 * last 40 % rises above the maximum of its first 60 % is judged against that maximum (a level it
 * really crosses later); the others are quiet against their maximum plus their whole range (never
 * reached), where every warning is a false alarm. Origins every 5 hours (1 hour for NERSC) from a
 * day (an hour) after the first point to 12 hours before the truth, or to the last point.
 */
public final class RealData {

    static final long HOUR = 3_600_000L;
    private static final DateTimeFormatter NAB_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final String NERSC_FS = "NERSC file systems";
    static final String NERSC_TARGETS = "NERSC OSTs and MDTs";
    static final String NAB_CROSSED = "NAB, level crossed later";
    static final String NAB_QUIET = "NAB, never crossed";
    /** Recorded data has no known onset: every origin is scored. */
    static final long NO_ONSET = Long.MIN_VALUE;

    private RealData() {
    }

    /** Every case of the data directory; missing data sets are skipped (the caller says so). */
    public static List<GeneratedCase> all(Path data) throws IOException {
        List<GeneratedCase> out = new ArrayList<>();
        Path nersc = data.resolve("nersc-lustre");
        if (Files.isDirectory(nersc)) {
            out.addAll(nerscFilesystems(nersc));
            out.addAll(nerscTargets(nersc));
        }
        Path nab = data.resolve("nab-aws-cloudwatch");
        if (Files.isDirectory(nab)) {
            out.addAll(nab(nab));
        }
        return out;
    }

    /** One case per NERSC file system (free bytes beside the size). */
    static List<GeneratedCase> nerscFilesystems(Path dir) throws IOException {
        Map<String, List<double[]>> rows = new TreeMap<>();
        try (BufferedReader r = Files.newBufferedReader(dir.resolve("filesystem_summary_tidy.csv"), StandardCharsets.UTF_8)) {
            String line = r.readLine();
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",");
                rows.computeIfAbsent(f[2], k -> new ArrayList<>()).add(new double[] {
                        Long.parseLong(f[0]) * 1000.0, Double.parseDouble(f[3]) * 1024, Double.parseDouble(f[5]) * 1024});
            }
        }
        return nerscCases(NERSC_FS, rows, true);
    }

    /** One quiet case per NERSC OST or MDT. */
    static List<GeneratedCase> nerscTargets(Path dir) throws IOException {
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
        return nerscCases(NERSC_TARGETS, rows, false);
    }

    private static List<GeneratedCase> nerscCases(String family, Map<String, List<double[]>> rows, boolean levelsCrossed) {
        List<GeneratedCase> out = new ArrayList<>();
        int draw = 0;
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
            long first = t[0];
            long last = t[t.length - 1];
            double level = avail[(int) (0.8 * (t.length - 1))];
            Long truth = levelsCrossed && avail[t.length - 1] < avail[0] ? FirstTouch.after(s, level, Direction.DOWN, first) : null;
            if (truth != null && truth - Origins.LAST_BEFORE_MILLIS >= first + HOUR) {
                out.add(new GeneratedCase(family, GeneratedCase.Kind.FILL, draw++, s, sz, level, Direction.DOWN, NO_ONSET, truth, last,
                        Origins.before(truth, first + HOUR, 0, HOUR),
                        e.getKey() + ": free space falls; judged against " + CaseFamilies.gb(level) + " free, first reached "
                                + java.time.Instant.ofEpochMilli(truth)));
            } else {
                out.add(new GeneratedCase(family, GeneratedCase.Kind.QUIET, draw++, s, sz, 0, Direction.DOWN, NO_ONSET, null, last,
                        Origins.before(last + Origins.LAST_BEFORE_MILLIS, first + HOUR, 0, HOUR), e.getKey() + " against 0"));
            }
        }
        return out;
    }

    private static String num(double x) {
        return String.format(java.util.Locale.ROOT, "%.6g", x);
    }

    /** One case per NAB CloudWatch series. */
    static List<GeneratedCase> nab(Path dir) throws IOException {
        List<GeneratedCase> out = new ArrayList<>();
        List<Path> files;
        try (var stream = Files.list(dir)) {
            files = stream.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        int crossed = 0;
        int quiet = 0;
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
            t = Arrays.copyOf(t, n);
            v = Arrays.copyOf(v, n);
            String name = f.getFileName().toString().replace(".csv", "");
            Series s = new Series(SeriesKey.of("nab.value", "file", name), t, v);
            int split = (int) (0.6 * n);
            double early = Double.NEGATIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (i < split) {
                    early = Math.max(early, v[i]);
                }
                max = Math.max(max, v[i]);
                min = Math.min(min, v[i]);
            }
            double level = Math.nextUp(early);
            long first = t[0];
            long last = t[n - 1];
            long earliest = first + 24 * HOUR;
            Long truth = FirstTouch.after(s, level, Direction.UP, first);
            if (truth != null && truth - Origins.LAST_BEFORE_MILLIS >= earliest) {
                out.add(new GeneratedCase(NAB_CROSSED, GeneratedCase.Kind.FILL, crossed++, s, null, level, Direction.UP, NO_ONSET, truth,
                        last, Origins.before(truth, earliest, 0, 5 * HOUR),
                        name + ": judged against " + num(early) + " (its maximum over the first 60 %), first reached "
                                + java.time.Instant.ofEpochMilli(truth)));
            } else {
                double limit = max + (max - min);
                out.add(new GeneratedCase(NAB_QUIET, GeneratedCase.Kind.QUIET, quiet++, s, null, limit, Direction.UP, NO_ONSET, null,
                        last, Origins.before(last + Origins.LAST_BEFORE_MILLIS, earliest, 0, 5 * HOUR),
                        name + ": never above " + num(max) + "; judged against " + num(limit)));
            }
        }
        return out;
    }
}
