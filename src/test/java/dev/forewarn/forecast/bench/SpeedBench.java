package dev.forewarn.forecast.bench;

import dev.forewarn.forecast.Direction;
import dev.forewarn.forecast.ForecastEngine;
import dev.forewarn.forecast.ForecastRequest;
import dev.forewarn.forecast.Projection;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import java.util.SplittableRandom;

/**
 * Times the engine on one year at 5-minute steps (105,120 points) with model choice, warm, and
 * on 100 such series; prints tab-separated name, value, unit, target lines for scripts/bench.
 * Warm, as in the check benchmark: the median of {@link #TIMED} passes over the 100 series after
 * {@link #WARMUP} (the first pass, class loading and JIT compilation included, is printed too).
 * After 30 projections the compiler had not finished: one series took 14 ms instead of 9.
 */
public final class SpeedBench {

    /** Passes over the 100 series before the timed ones. */
    static final int WARMUP = 2;
    /** Timed passes; their median is the warm figure. */
    static final int TIMED = 5;

    private SpeedBench() {
    }

    public static void main(String[] args) {
        int n = 105_120;
        long t0 = 1_735_689_600_000L;
        Series[] many = new Series[100];
        for (int k = 0; k < many.length; k++) {
            SplittableRandom r = new SplittableRandom(k);
            long[] t = new long[n];
            double[] v = new double[n];
            double slope = 1e9 * (0.5 + r.nextDouble());
            for (int i = 0; i < n; i++) {
                t[i] = t0 + i * 300_000L;
                double days = i / 288.0;
                v[i] = 800e9 - slope * days + 2e9 * Math.sin(2 * Math.PI * days) + 2e8 * (r.nextDouble() - 0.5);
            }
            many[k] = new Series(SeriesKey.of("fs.avail_bytes", "mount", "/m" + k), t, v);
        }
        ForecastEngine engine = new ForecastEngine();
        long at = t0 + (n - 1) * 300_000L;
        ForecastRequest req = new ForecastRequest(0, Direction.DOWN, at, 0.8, ForecastRequest.DEFAULT_HORIZON_MILLIS);
        Projection last = null;
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] wall = new double[WARMUP + TIMED];
        double[] cpu = new double[WARMUP + TIMED];
        for (int pass = 0; pass < wall.length; pass++) {
            long cpu0 = mx.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (Series s : many) {
                last = engine.project(s, req);
            }
            wall[pass] = (System.nanoTime() - start) / 1e6;
            cpu[pass] = (mx.getCurrentThreadCpuTime() - cpu0) / 1e6;
        }
        double hundred = medianOfTimed(wall);
        double hundredCpu = medianOfTimed(cpu);
        int reps = 20;
        long cpu0 = mx.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            last = engine.project(many[0], req);
        }
        double one = (System.nanoTime() - start) / 1e6 / reps;
        double oneCpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e6 / reps;
        // Wall time on a shared machine includes waiting for a core; CPU time is what the forecast costs.
        System.out.printf(java.util.Locale.ROOT, "forecast.one_series_105120_points.wall\t%.1f\tms\t<= 50%n", one);
        System.out.printf(java.util.Locale.ROOT, "forecast.one_series_105120_points.cpu\t%.1f\tms\t<= 50%n", oneCpu);
        System.out.printf(java.util.Locale.ROOT, "forecast.hundred_series_105120_points.wall\t%.0f\tms\t<= 1000%n", hundred);
        System.out.printf(java.util.Locale.ROOT, "forecast.hundred_series_105120_points.cpu\t%.0f\tms\t<= 1000%n", hundredCpu);
        System.out.printf(java.util.Locale.ROOT, "forecast.hundred_series_105120_points.first_pass.wall\t%.0f\tms\t-%n", wall[0]);
        System.out.printf(java.util.Locale.ROOT, "forecast.hundred_series_105120_points.first_pass.cpu\t%.0f\tms\t-%n", cpu[0]);
        if (args.length > 0) {
            System.err.println(last.method() + " | " + last.reason());
        }
    }

    /** The median of the timed passes (those after the warm-up). */
    private static double medianOfTimed(double[] passes) {
        double[] t = java.util.Arrays.copyOfRange(passes, WARMUP, passes.length);
        java.util.Arrays.sort(t);
        return t[t.length / 2];
    }
}
