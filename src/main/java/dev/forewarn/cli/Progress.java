package dev.forewarn.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-line progress bar on stderr for long work ({@code import}, {@code backtest},
 * {@code report}, {@code store vacuum}, a check over many series). It draws only when a person
 * is watching: stderr belongs to a terminal ({@link System#console()} is not null) and
 * {@code TERM} is not {@code dumb}; under cron, in a pipe, or with {@code FOREWARN_PROGRESS=0}
 * it draws nothing and costs one atomic add per step. Redraws at most every 100 ms, so a loop
 * may call {@link #step()} per item. Thread-safe: parallel workers may share one instance.
 *
 * <pre>{@code
 * try (Progress p = Progress.start("importing", files.size())) {
 *     for (Path f : files) { load(f); p.step(); }
 * }
 * }</pre>
 *
 * <p>Hand-written rather than a progress-bar library: the bar is one formatted line and the
 * terminal test is the part that matters.
 */
public final class Progress implements dev.forewarn.report.ProgressMeter {

    /** Minimum time between two redraws, milliseconds. */
    static final long REDRAW_MILLIS = 100;

    private final String label;
    private final long total;
    private final PrintStream out;
    private final int width;
    private final long startMillis;
    private final AtomicLong done = new AtomicLong();
    private volatile long lastDrawMillis;
    private boolean drawn;
    private boolean closed;

    private Progress(String label, long total, PrintStream out, int width) {
        this.label = label;
        this.total = total;
        this.out = out;
        this.width = width;
        this.startMillis = System.currentTimeMillis();
        this.lastDrawMillis = startMillis - REDRAW_MILLIS;
    }

    /**
     * A progress bar for {@code total} steps (0 or less when the total is unknown), visible only
     * on a terminal.
     */
    public static Progress start(String label, long total) {
        boolean visible = visible(System.getenv(), System.console() != null);
        return new Progress(label, total, visible ? System.err : null, columns(System.getenv()));
    }

    /** A progress bar that draws on {@code out} regardless of the terminal (tests, or a caller that decided). */
    static Progress to(PrintStream out, String label, long total, int width) {
        return new Progress(label, total, out, width);
    }

    /** True when a bar should be drawn: a console, a capable terminal, and not switched off. */
    static boolean visible(Map<String, String> env, boolean console) {
        if (!console) {
            return false;
        }
        String term = env.get("TERM");
        if (term == null || term.isBlank() || term.equals("dumb")) {
            return false;
        }
        String flag = env.get("FOREWARN_PROGRESS");
        return flag == null || !(flag.equals("0") || flag.equalsIgnoreCase("false") || flag.equalsIgnoreCase("no"));
    }

    private static int columns(Map<String, String> env) {
        try {
            int c = Integer.parseInt(env.getOrDefault("COLUMNS", "80").strip());
            return c >= 20 ? c : 80;
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    /** True when this bar draws anything. */
    public boolean isVisible() {
        return out != null;
    }

    /** One step done. */
    public void step() {
        advance(1);
    }

    /** {@code n} more steps done. */
    public void advance(long n) {
        long d = done.addAndGet(n);
        maybeDraw(d);
    }

    /** Sets the steps done so far (for work that reports an absolute position, e.g. bytes read). */
    public void set(long doneSoFar) {
        done.set(doneSoFar);
        maybeDraw(doneSoFar);
    }

    /**
     * {@code in}, counting every byte read as a step: for work measured in bytes (a bar whose
     * total is the file sizes). Closing the stream closes {@code in}, not the bar.
     */
    public InputStream counting(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    advance(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    advance(n);
                }
                return n;
            }
        };
    }

    /** Steps done so far. */
    public long done() {
        return done.get();
    }

    private void maybeDraw(long d) {
        if (out == null) {
            return;
        }
        long now = System.currentTimeMillis();
        if (now - lastDrawMillis < REDRAW_MILLIS && !(total > 0 && d >= total)) {
            return;
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            lastDrawMillis = now;
            out.print('\r' + render(label, done.get(), total, now - startMillis, width));
            out.flush();
            drawn = true;
        }
    }

    /** Clears the bar so that the next line on stderr (or the result on stdout) starts clean. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (out != null && drawn) {
            out.print('\r' + " ".repeat(width - 1) + '\r');
            out.flush();
        }
    }

    /**
     * The bar as text, exactly {@code width - 1} characters wide (the last column is left
     * free so that no terminal wraps): {@code importing [#####-----]  50%  500/1000  eta 3s}.
     * With an unknown total: {@code importing  500  12s}.
     */
    static String render(String label, long done, long total, long elapsedMillis, int width) {
        int cols = Math.max(20, width) - 1;
        String line;
        if (total <= 0) {
            line = label + "  " + done + "  " + seconds(elapsedMillis);
        } else {
            long shown = Math.min(done, total);
            int pct = (int) (shown * 100 / total);
            String eta = shown == 0 ? "" : "  eta " + seconds(Math.round(elapsedMillis * (double) (total - shown) / shown));
            String tail = String.format(Locale.ROOT, " %3d%%  %d/%d%s", pct, shown, total, eta);
            String head = label + " [";
            int barWidth = cols - head.length() - 1 - tail.length();
            if (barWidth < 5) {
                line = label + tail;
            } else {
                int filled = (int) (barWidth * shown / total);
                line = head + "#".repeat(filled) + "-".repeat(barWidth - filled) + "]" + tail;
            }
        }
        if (line.length() > cols) {
            return line.substring(0, cols);
        }
        return line + " ".repeat(cols - line.length());
    }

    private static String seconds(long millis) {
        long s = Math.max(0, millis / 1000);
        return s >= 3600 ? (s / 3600) + "h" + (s % 3600) / 60 + "m" : s >= 60 ? (s / 60) + "m" + (s % 60) + "s" : s + "s";
    }
}
