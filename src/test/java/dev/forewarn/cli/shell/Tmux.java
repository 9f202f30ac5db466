package dev.forewarn.cli.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Drives a real terminal for the tests: a tmux server on a private socket, one session running
 * one command, keys sent and the screen read back as a person would see it.
 */
final class Tmux implements AutoCloseable {

    /** Waits for a JVM to start on a busy CI machine. */
    static final long START_MILLIS = 30_000;
    /** Waits for a screen to react to a key. */
    static final long REACT_MILLIS = 10_000;

    private final String socket = "forewarn-test-" + UUID.randomUUID().toString().substring(0, 8);

    static boolean available() {
        try {
            Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** The java command line that runs forewarn with the test class path. */
    static String forewarn(Map<String, String> env, String... args) {
        StringBuilder sb = new StringBuilder("env");
        env.forEach((k, v) -> sb.append(' ').append(k).append('=').append(quote(v)));
        sb.append(' ').append(quote(Path.of(System.getProperty("java.home"), "bin", "java").toString()))
                .append(" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -cp ").append(quote(System.getProperty("java.class.path")))
                .append(" dev.forewarn.cli.Main");
        for (String a : args) {
            sb.append(' ').append(quote(a));
        }
        return sb.toString();
    }

    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Starts {@code shellCommand} (run by sh) in a detached session of the given size. */
    void start(int columns, int rows, String shellCommand) throws IOException, InterruptedException {
        run("-f", "/dev/null", "new-session", "-d", "-x", String.valueOf(columns), "-y", String.valueOf(rows), shellCommand);
    }

    /** Sends keys as tmux names them ({@code Tab}, {@code C-c}, {@code Enter}) or literal text with {@code -l}. */
    void keys(String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "0"));
        args.addAll(List.of(keys));
        run(args.toArray(String[]::new));
    }

    /** Types text literally. */
    void type(String text) throws IOException, InterruptedException {
        run("send-keys", "-t", "0", "-l", text);
    }

    void resize(int columns, int rows) throws IOException, InterruptedException {
        run("resize-window", "-t", "0", "-x", String.valueOf(columns), "-y", String.valueOf(rows));
    }

    /** The visible screen, one string per row; empty when the session has ended. */
    List<String> screen(boolean withEscapes) throws IOException, InterruptedException {
        String out = withEscapes ? run("capture-pane", "-p", "-e", "-t", "0") : run("capture-pane", "-p", "-t", "0");
        return out == null ? List.of() : List.of(out.split("\n", -1));
    }

    boolean alive() throws IOException, InterruptedException {
        return run("has-session", "-t", "0") != null;
    }

    /** Polls the screen until {@code test} holds, at most {@code millis}; returns the last screen. */
    List<String> waitFor(long millis, Predicate<List<String>> test) throws IOException, InterruptedException {
        long end = System.currentTimeMillis() + millis;
        List<String> screen = screen(false);
        while (!test.test(screen) && System.currentTimeMillis() < end) {
            Thread.sleep(100);
            screen = screen(false);
        }
        return screen;
    }

    /** Polls until the session has ended, at most {@code millis}; true when it has. */
    boolean waitForExit(long millis) throws IOException, InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (alive()) {
            if (System.currentTimeMillis() > end) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    static boolean contains(List<String> screen, String text) {
        return screen.stream().anyMatch(l -> l.contains(text));
    }

    /** Runs one tmux command on this socket; its stdout, or null when it failed. */
    private String run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return null;
        }
        return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8) : null;
    }

    @Override
    public void close() throws IOException {
        try {
            run("kill-server");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
