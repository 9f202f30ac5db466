package dev.forewarn.cli.shell;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

/**
 * The full-screen loop of {@code top}: raw mode on the alternate screen, one {@link Display}
 * that sends only the changed parts of each frame, keys handled through {@link TopState},
 * resize (SIGWINCH) and Ctrl-C handled through JLine's signal handlers. It draws when a key
 * was pressed, the window changed, or a new snapshot arrived; it never reads the store.
 */
final class TopScreen {

    private static final long POLL_MILLIS = 150;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Terminal terminal;
    private final TopView view;
    private final long intervalMillis;
    private long frames;
    private long frameCpuNanos;

    TopScreen(Terminal terminal, TopView view, long intervalMillis) {
        this.terminal = terminal;
        this.view = view;
        this.intervalMillis = intervalMillis;
    }

    /** Runs until 'q', Ctrl-C or end of input; {@code latest} is replaced by the data thread. */
    void run(AtomicReference<TopSnapshot> latest) throws java.io.IOException {
        AtomicBoolean resized = new AtomicBoolean(true);
        AtomicBoolean interrupted = new AtomicBoolean();
        Terminal.SignalHandler oldWinch = terminal.handle(Terminal.Signal.WINCH, s -> resized.set(true));
        Terminal.SignalHandler oldInt = terminal.handle(Terminal.Signal.INT, s -> interrupted.set(true));
        Attributes saved = terminal.enterRawMode();
        terminal.puts(Capability.enter_ca_mode);
        terminal.puts(Capability.keypad_xmit);
        terminal.puts(Capability.cursor_invisible);
        terminal.flush();
        Display display = new Display(terminal, true);
        NonBlockingReader keys = terminal.reader();
        TopState state = TopState.initial();
        TopSnapshot drawn = null;
        TopState drawnState = null;
        try {
            while (!state.quit() && !interrupted.get()) {
                TopSnapshot snap = latest.get();
                boolean resize = resized.getAndSet(false);
                if (resize) {
                    Size size = terminal.getSize();
                    display.clear();
                    display.resize(rows(size), columns(size));
                }
                if (resize || snap != drawn || !state.equals(drawnState)) {
                    draw(display, snap, state);
                    drawn = snap;
                    drawnState = state;
                }
                int c = keys.read(POLL_MILLIS);
                if (c == NonBlockingReader.EOF) {
                    break;
                }
                if (c >= 0) {
                    state = state.onKey(c);
                }
            }
        } finally {
            terminal.puts(Capability.cursor_visible);
            terminal.puts(Capability.keypad_local);
            terminal.puts(Capability.exit_ca_mode);
            terminal.flush();
            terminal.setAttributes(saved);
            terminal.handle(Terminal.Signal.WINCH, oldWinch);
            terminal.handle(Terminal.Signal.INT, oldInt);
        }
    }

    /** Lays out and sends one frame; its CPU time is added to {@link #meanFrameCpuMillis()}. */
    void draw(Display display, TopSnapshot snap, TopState state) {
        long start = THREADS.getCurrentThreadCpuTime();
        Size size = terminal.getSize();
        List<AttributedString> lines = view.render(snap, state, intervalMillis, columns(size), rows(size));
        display.update(lines, -1);
        terminal.flush();
        frameCpuNanos += THREADS.getCurrentThreadCpuTime() - start;
        frames++;
    }

    /** Mean CPU time per frame drawn so far, milliseconds. */
    double meanFrameCpuMillis() {
        return frames == 0 ? 0 : frameCpuNanos / 1e6 / frames;
    }

    private static int rows(Size s) {
        return s.getRows() > 0 ? s.getRows() : 24;
    }

    private static int columns(Size s) {
        return s.getColumns() > 0 ? s.getColumns() : 80;
    }
}
