package dev.forewarn.cli.shell;

import dev.forewarn.forecast.ForecastEngine;
import dev.forewarn.forecast.Projection;
import dev.forewarn.sampling.Sampler;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.store.SampleStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.jline.utils.Display;

/**
 * {@code top --frames N}: draws N frames on an off-screen xterm (a JLine terminal whose output
 * is thrown away) and prints the CPU time per frame, and the CPU time of one data refresh
 * (sample, append, snapshot) and of one forecast pass, as tab-separated lines for
 * {@code scripts/bench}. Each frame changes focus and sort so that the display really redraws.
 */
final class TopBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TopBench() {
    }

    static int run(SampleStore db, Sampler sampler, TopData data, ZoneId zone, int frames, String size, long intervalMillis,
                   PrintWriter out) throws IOException {
        String[] wh = size.toLowerCase(Locale.ROOT).split("x");
        int cols = Integer.parseInt(wh[0]);
        int rows = Integer.parseInt(wh[1]);
        if (sampler != null) {
            db.append(System.currentTimeMillis(), sampler.sample()); // builds the collectors: not part of a refresh
        }
        long t0 = THREADS.getCurrentThreadCpuTime();
        if (sampler != null) {
            db.append(System.currentTimeMillis(), sampler.sample());
        }
        TopSnapshot snap = data.snapshot(System.currentTimeMillis(), Map.of());
        double refreshMillis = (THREADS.getCurrentThreadCpuTime() - t0) / 1e6;
        t0 = THREADS.getCurrentThreadCpuTime();
        Map<SeriesKey, Projection> projections = TopForecasts.projectAll(db, new ForecastEngine(), System.currentTimeMillis(), zone);
        double forecastMillis = (THREADS.getCurrentThreadCpuTime() - t0) / 1e6;
        snap = data.snapshot(System.currentTimeMillis(), projections);
        try (Terminal terminal = new ExternalTerminal("bench", "xterm-256color", InputStream.nullInputStream(),
                OutputStream.nullOutputStream(), StandardCharsets.UTF_8)) {
            terminal.setSize(new Size(cols, rows));
            TopScreen screen = new TopScreen(terminal, new TopView(true, true, zone), intervalMillis);
            Display display = new Display(terminal, true);
            display.resize(rows, cols);
            TopState state = TopState.initial();
            int warmup = Math.min(frames, 50);
            for (int i = 0; i < warmup; i++) {
                screen.draw(display, snap, state);
                state = state.onKey(i % 2 == 0 ? TopState.TAB : 's');
            }
            TopScreen measured = new TopScreen(terminal, new TopView(true, true, zone), intervalMillis);
            for (int i = 0; i < frames; i++) {
                measured.draw(display, snap, state);
                state = state.onKey(i % 2 == 0 ? TopState.TAB : 's');
            }
            int shownRows = 0;
            for (TopSnapshot.Panel p : snap.panels()) {
                shownRows += p.rows().size();
            }
            out.printf(Locale.ROOT, "top.frame_cpu\t%.3f\tms\t<= 50%n", measured.meanFrameCpuMillis());
            out.printf(Locale.ROOT, "top.refresh_cpu\t%.1f\tms\t(sample+append+snapshot of %d rows, every --interval)%n", refreshMillis, shownRows);
            out.printf(Locale.ROOT, "top.forecast_pass_cpu\t%.1f\tms\t(%d series, background, every 60 s)%n", forecastMillis, projections.size());
            out.flush();
        }
        return 0;
    }
}
