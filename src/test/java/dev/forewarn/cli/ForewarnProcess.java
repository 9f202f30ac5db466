package dev.forewarn.cli;

import dev.forewarn.series.SeriesKey;
import dev.forewarn.store.CheckReport;
import dev.forewarn.store.SampleStore;
import dev.forewarn.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs forewarn in a real, separate JVM (same class path as the tests), with the flags of the
 * wrapper that make a short-lived JVM cheap. Used by the process-level reliability tests.
 */
final class ForewarnProcess {

    private ForewarnProcess() {
    }

    /** Starts {@code forewarn args...}; stdout is discarded, stderr goes to {@code stderr}. */
    static Process start(Path stderr, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xss512k", "-Xmx64m",
                "-cp", System.getProperty("java.class.path")));
        cmd.addAll(nativeLibraryFlags());
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile())
                .start();
    }

    private static List<String> nativeFlags;

    /**
     * As the wrapper does: the SQLite JNI library copied once out of its jar, so that each of
     * the many JVMs these tests start does not copy it again (a tenth of a second each).
     */
    private static synchronized List<String> nativeLibraryFlags() throws IOException {
        if (nativeFlags == null) {
            nativeFlags = List.of();
            String arch = switch (System.getProperty("os.arch")) {
                case "amd64", "x86_64" -> "x86_64";
                case "aarch64" -> "aarch64";
                default -> null;
            };
            String resource = "org/sqlite/native/Linux/" + arch + "/libsqlitejdbc.so";
            try (var in = arch == null ? null : ForewarnProcess.class.getClassLoader().getResourceAsStream(resource)) {
                if (in != null && !Files.exists(Path.of("/etc/alpine-release"))) { // musl needs another library
                    Path dir = Files.createTempDirectory("forewarn-native");
                    dir.toFile().deleteOnExit();
                    Path lib = dir.resolve("libsqlitejdbc.so");
                    Files.copy(in, lib);
                    lib.toFile().deleteOnExit();
                    nativeFlags = List.of("-Dorg.sqlite.lib.path=" + dir, "-Dorg.sqlite.lib.name=libsqlitejdbc.so");
                }
            }
        }
        return nativeFlags;
    }

    /** How many points the store holds for {@code key}, or -1 while it has no schema yet. */
    static long points(Path db, SeriesKey key) {
        if (!Files.exists(db)) {
            return -1;
        }
        try (SampleStore s = SampleStore.openReadOnly(db)) {
            return s.read(key, 0, Long.MAX_VALUE).size();
        } catch (StoreException notReadyYet) {
            return -1;
        }
    }

    /** Opens the store for writing (as the next 'sample' would, recovering its WAL) and checks it. */
    static CheckReport check(Path db) {
        try (SampleStore s = SampleStore.open(db)) {
            return s.check();
        }
    }

    /** The health series of one collector: one point per stored sample. */
    static SeriesKey successOf(String collector) {
        return SeriesKey.of("forewarn.collector.success", "collector", collector);
    }
}
