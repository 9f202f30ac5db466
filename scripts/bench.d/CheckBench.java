import dev.forewarn.cli.Main;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.store.SampleStore;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Benchmark helper for scripts/bench.d/40-check.sh, run as a single-file source program against
 * the built jar. "make STORE AT_MILLIS" writes 100 filesystems with one year of 5-minute history
 * (90 steady with daily cycles and noise, 5 filling slowly, 5 filling within two weeks) and their
 * sizes; "warm STORE AT RUNS" runs check in this JVM RUNS times and prints the wall milliseconds
 * of each run on one line, and the CPU milliseconds of the checking thread on a second.
 */
public class CheckBench {

    static final long DAY = 86_400_000L;
    static final long STEP = 300_000L;
    static final double GIB = 1024.0 * 1024 * 1024;

    public static void main(String[] a) throws Exception {
        if (a[0].equals("make")) {
            make(Path.of(a[1]), Long.parseLong(a[2]));
        } else {
            warm(a[1], a[2], Integer.parseInt(a[3]));
        }
    }

    static void make(Path db, long at) throws java.io.IOException {
        Files.deleteIfExists(db);
        int n = (int) (365 * DAY / STEP) + 1;
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = at - (long) (n - 1 - i) * STEP;
        }
        Random r = new Random(42);
        try (SampleStore s = SampleStore.open(db)) {
            for (int fs = 0; fs < 100; fs++) {
                SeriesKey k = SeriesKey.of("fs.avail_bytes", "mount", "/data" + fs, "device", "/dev/vd" + fs, "fstype", "ext4");
                double size = 500 * GIB;
                double slope = fs < 90 ? 0 : fs < 95 ? 0.4 * GIB : 20 * GIB;   // bytes per day used
                // The fast five started filling 20 days ago and cross in 5, 7, 9, 11 and 13 days.
                double level = fs < 95 ? 200 * GIB : slope * (5 + 2 * (fs - 95));
                double[] v = new double[n];
                double[] sz = new double[n];
                for (int i = 0; i < n; i++) {
                    double daysAgo = (at - t[i]) / (double) DAY;
                    double daily = 2 * GIB * Math.sin(2 * Math.PI * daysAgo);
                    double used = slope * (fs < 95 ? daysAgo : Math.min(daysAgo, 20));
                    v[i] = Math.max(0, level + used + daily + r.nextGaussian() * 0.2 * GIB);
                    sz[i] = size;
                }
                s.appendAll(List.of(new Series(k, t, v), new Series(k.withName("fs.size_bytes"), t, sz)));
            }
        }
    }

    static void warm(String db, String at, int runs) {
        PrintStream realOut = System.out;
        long[] ms = new long[runs];
        long[] cpu = new long[runs];
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < runs; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            // check prints through picocli's writer on System.out: silence it, keep the timing.
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            int code = Main.run("check", "--store", db, "--at", at, "--quiet");
            System.setOut(realOut);
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1_000_000;
            if (code != 1 && code != 2) {
                throw new IllegalStateException("expected WARNING (1) or CRITICAL (2), got " + code);
            }
        }
        realOut.println(Arrays.toString(ms).replaceAll("[\\[\\],]", ""));
        realOut.println(Arrays.toString(cpu).replaceAll("[\\[\\],]", ""));
    }
}
