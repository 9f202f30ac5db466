import dev.forewarn.fleet.FleetEvaluation;
import dev.forewarn.fleet.FleetEvaluator;
import dev.forewarn.fleet.FleetReader;
import dev.forewarn.fleet.ForecastServer;
import dev.forewarn.fleet.InstanceResult;
import dev.forewarn.fleet.PrometheusClient;
import dev.forewarn.fleet.PrometheusConfig;
import dev.forewarn.forecast.ForecastEngine;
import dev.forewarn.rules.RuleEvaluator;
import dev.forewarn.rules.RuleSet;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Benchmark helper for scripts/bench.d/70-fleet.sh, run as a single-file source program against
 * the built jar.
 *
 * <ul>
 *   <li>{@code make OM_DIR HOSTS DAYS END_SECONDS BLOCK_HOURS}: writes OpenMetrics files of BLOCK_HOURS of
 *   history each (aligned as promtool aligns its blocks), ten node_exporter series an instance (two filesystems' avail and size, memory available
 *   and total, load15, file handles allocated and maximum, one idle CPU counter) at 5-minute steps;
 *   every 50th instance fills its /data within two weeks.</li>
 *   <li>{@code judge URL END_SECONDS DAYS PARALLEL}: judges the fleet in this JVM and prints the time per
 *   instance split into query and forecast.</li>
 *   <li>{@code serve URL END_SECONDS DAYS PARALLEL}: runs the exporter on the fleet and prints the wall
 *   time of scrapes of /metrics once the evaluation is done.</li>
 * </ul>
 */
public class FleetBench {

    static final long STEP_S = 300;

    public static void main(String[] a) throws Exception {
        switch (a[0]) {
            case "make" -> make(Path.of(a[1]), Integer.parseInt(a[2]), Integer.parseInt(a[3]), Long.parseLong(a[4]), Integer.parseInt(a[5]));
            case "judge" -> judge(a[1], Long.parseLong(a[2]), Integer.parseInt(a[3]), Integer.parseInt(a[4]));
            case "serve" -> serve(a[1], Long.parseLong(a[2]), Integer.parseInt(a[3]), Integer.parseInt(a[4]));
            default -> throw new IllegalArgumentException(a[0]);
        }
    }

    static void make(Path dir, int hosts, int days, long end, int blockHours) throws IOException {
        Files.createDirectories(dir);
        int n = (int) (days * 86_400L / STEP_S) + 1;
        long start = end - (n - 1) * STEP_S;
        long block = blockHours * 3600L;
        String[][] series = {
                {"node_filesystem_avail_bytes", "device=\"sda1\",fstype=\"ext4\",mountpoint=\"/\""},
                {"node_filesystem_size_bytes", "device=\"sda1\",fstype=\"ext4\",mountpoint=\"/\""},
                {"node_filesystem_avail_bytes", "device=\"sdb1\",fstype=\"xfs\",mountpoint=\"/data\""},
                {"node_filesystem_size_bytes", "device=\"sdb1\",fstype=\"xfs\",mountpoint=\"/data\""},
                {"node_memory_MemAvailable_bytes", ""},
                {"node_memory_MemTotal_bytes", ""},
                {"node_load15", ""},
                {"node_filefd_allocated", ""},
                {"node_filefd_maximum", ""},
                {"node_cpu_seconds_total", "cpu=\"0\",mode=\"idle\""}};
        // one file per block-aligned stretch of time, so that promtool writes blocks that do not
        // overlap (overlapping blocks are merged at every query, which a real Prometheus never does)
        int file = 0;
        for (long from = Math.floorDiv(start, block) * block; from <= end; from += block, file++) {
            long lo = Math.max(start, from);
            long hi = Math.min(end, from + block - 1);
            int i0 = (int) ((lo - start + STEP_S - 1) / STEP_S);
            int i1 = (int) ((hi - start) / STEP_S);
            Path f = dir.resolve(String.format(Locale.ROOT, "fleet-%03d.om", file));
            try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
                for (String[] s : series) {
                    boolean counter = s[0].endsWith("_total");
                    w.write("# TYPE " + (counter ? s[0].substring(0, s[0].length() - 6) + " counter" : s[0] + " gauge") + "\n");
                    for (int h = 0; h < hosts; h++) {
                        String prefix = s[0] + "{" + (s[1].isEmpty() ? "" : s[1] + ",") + "instance=\"host-" + String.format(Locale.ROOT, "%03d", h)
                                + ":9100\",job=\"node\"} ";
                        boolean filling = h % 50 == 0;
                        StringBuilder sb = new StringBuilder(1 << 16);
                        for (int i = i0; i <= i1; i++) {
                            long t = start + i * STEP_S;
                            // the noise of point i is the same whichever file it lands in
                            Random rnd = new Random(((h * 31L + s[0].hashCode()) * 31 + s[1].hashCode()) * 1_000_003L + i);
                            double v = value(s[0], s[1], filling, (end - t) / 86400.0, i, rnd);
                            sb.append(prefix);
                            if (s[0].equals("node_load15")) {
                                sb.append(Math.round(v * 100) / 100.0);
                            } else {
                                sb.append(Math.round(v));
                            }
                            sb.append(' ').append(t).append('\n');
                            if (sb.length() > 60_000) {
                                w.write(sb.toString());
                                sb.setLength(0);
                            }
                        }
                        w.write(sb.toString());
                    }
                }
                w.write("# EOF\n");
            }
            System.out.println(f);
        }
    }

    static double value(String name, String labels, boolean filling, double daysBefore, int i, Random rnd) {
        boolean data = labels.contains("/data");
        return switch (name) {
            case "node_filesystem_avail_bytes" -> data && filling ? 2e9 * (10 + daysBefore) + rnd.nextGaussian() * 2e7
                    : 60e9 + rnd.nextGaussian() * 2e7;
            case "node_filesystem_size_bytes" -> 100e9;
            case "node_memory_MemAvailable_bytes" -> 6e9 + rnd.nextGaussian() * 1e8;
            case "node_memory_MemTotal_bytes" -> 16e9;
            case "node_load15" -> Math.max(0, 0.5 + rnd.nextGaussian() * 0.1);
            case "node_filefd_allocated" -> 2000 + rnd.nextGaussian() * 20;
            case "node_filefd_maximum" -> 9_000_000;
            case "node_cpu_seconds_total" -> i * STEP_S * 0.9;
            default -> 0;
        };
    }

    static FleetEvaluator evaluator(String url, int parallel) {
        PrometheusClient c = new PrometheusClient(new PrometheusConfig(URI.create(url), null, null, null, Duration.ofSeconds(5),
                Duration.ofSeconds(60), PrometheusConfig.DEFAULT_MAX_RESPONSE_BYTES));
        return new FleetEvaluator(new FleetReader(c, null, null, STEP_S), new RuleEvaluator(new ForecastEngine(), ZoneOffset.UTC), parallel);
    }

    static void judge(String url, long end, int days, int parallel) {
        FleetEvaluation ev = evaluator(url, parallel).evaluate(RuleSet.load(true, List.of(), null).rules(), end * 1000, days * 86_400_000L);
        report(ev);
    }

    static void report(FleetEvaluation ev) {
        int n = ev.instances().size();
        long query = 0;
        long forecast = 0;
        long points = 0;
        for (InstanceResult r : ev.instances()) {
            query += r.queryMillis();
            forecast += r.forecastMillis();
            points += r.points();
        }
        System.out.printf(Locale.ROOT, "fleet_inproc_instances\t%d\tinstances\t500%n", n);
        System.out.printf(Locale.ROOT, "fleet_inproc_status\t%s (%s)\tstatus\t-%n", ev.status(), ev.counts());
        System.out.printf(Locale.ROOT, "fleet_inproc_points\t%d\tpoints\t-%n", points);
        System.out.printf(Locale.ROOT, "fleet_inproc_wall_s\t%.1f\ts\t<= 60%n", ev.durationMillis() / 1000.0);
        System.out.printf(Locale.ROOT, "fleet_per_instance_query_ms\t%.1f\tms\t-%n", query / (double) Math.max(1, n));
        System.out.printf(Locale.ROOT, "fleet_per_instance_forecast_ms\t%.1f\tms\t-%n", forecast / (double) Math.max(1, n));
        System.out.printf(Locale.ROOT, "fleet_per_instance_wall_ms\t%.1f\tms\t-%n", ev.durationMillis() / (double) Math.max(1, n));
    }

    static void serve(String url, long end, int days, int parallel) throws Exception {
        FleetEvaluator fleet = evaluator(url, parallel);
        var rules = RuleSet.load(true, List.of(), null).rules();
        try (ForecastServer s = new ForecastServer(InetAddress.getLoopbackAddress(), 0,
                () -> fleet.evaluate(rules, end * 1000, days * 86_400_000L), 3_600_000L, ev -> "", ev -> "{}")) {
            long deadline = System.nanoTime() + 300_000_000_000L;
            while (!s.ready() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/metrics")).timeout(Duration.ofSeconds(30)).build();
            long best = Long.MAX_VALUE;
            long worst = 0;
            int bytes = 0;
            int lines = 0;
            for (int i = 0; i < 6; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = http.send(get, HttpResponse.BodyHandlers.ofString());
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (i > 0) { // the first scrape warms the exporter's code
                    best = Math.min(best, ms);
                    worst = Math.max(worst, ms);
                }
                bytes = r.body().length();
                lines = (int) r.body().lines().filter(l -> !l.startsWith("#")).count();
            }
            System.out.printf(Locale.ROOT, "serve_scrape_ms_best\t%d\tms\t<= 1000%n", best);
            System.out.printf(Locale.ROOT, "serve_scrape_ms_worst\t%d\tms\t<= 1000%n", worst);
            System.out.printf(Locale.ROOT, "serve_scrape_samples\t%d\tsamples\t-%n", lines);
            System.out.printf(Locale.ROOT, "serve_scrape_bytes\t%d\tbytes\t-%n", bytes);
        }
    }
}
