package dev.forewarn.cli;

import dev.forewarn.series.SeriesKey;
import dev.forewarn.store.CheckReport;
import dev.forewarn.store.SampleStore;
import dev.forewarn.store.StoreException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Runs forewarn in a real, separate JVM, with what the wrapper does to make a short-lived JVM
 * cheap: C1 only, serial GC, small heap, the SQLite JNI library copied once, and an AppCDS
 * archive. The archive needs jars, so the main classes are packed into a jar once per test
 * run; the archive comes from one throwaway {@code sample}. Used by the reliability tests,
 * which start over a hundred JVMs.
 */
final class ForewarnProcess {

    private static List<String> jvmArgs;

    private ForewarnProcess() {
    }

    /** Starts {@code forewarn args...}; stdout is discarded, stderr goes to {@code stderr}. */
    static Process start(Path stderr, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(jvm());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile())
                .start();
    }

    /** Starts {@code prefix... java ... forewarn args...} (a {@code faketime}, {@code setpriv} before the JVM). */
    static Process startUnder(List<String> prefix, Path stderr, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(jvm());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile())
                .start();
    }

    /** Runs {@link #startUnder} to its end (at most 2 minutes) and returns its exit code. */
    static int runUnder(List<String> prefix, Path stderr, String... args) throws IOException, InterruptedException {
        Process p = startUnder(prefix, stderr, args);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("forewarn " + String.join(" ", args) + " did not end within 2 minutes");
        }
        return p.exitValue();
    }

    private static synchronized List<String> jvm() throws IOException {
        if (jvmArgs != null) {
            return jvmArgs;
        }
        Path work = Files.createTempDirectory("forewarn-jvm");
        // readable by all, so a test can run the same JVM as another user (setpriv to nobody)
        Files.setPosixFilePermissions(work, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> base = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xss512k", "-Xmx64m",
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-cp", jarClassPath(work)));
        base.addAll(sqliteLibrary(work));
        Path jsa = work.resolve("forewarn.jsa");
        List<String> dump = new ArrayList<>(base);
        dump.add(1, "-XX:ArchiveClassesAtExit=" + jsa);
        dump.addAll(List.of(Main.class.getName(), "sample", "--store", work.resolve("archive.db").toString(), "--collectors", "os,disk"));
        try {
            Process p = new ProcessBuilder(dump).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (Files.exists(jsa) && Files.size(jsa) > 0) {
            base.add(1, "-XX:SharedArchiveFile=" + jsa);
        }
        base.add(Main.class.getName());
        deleteOnExit(work);
        jvmArgs = List.copyOf(base);
        return jvmArgs;
    }

    /** The test class path with its class directories packed as jars (CDS archives only jar classes). */
    private static String jarClassPath(Path work) throws IOException {
        List<String> out = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p)) {
                Path jar = work.resolve("classes-" + (n++) + ".jar");
                packJar(p, jar);
                out.add(jar.toString());
            } else if (Files.isRegularFile(p)) {
                // copied beside, as the local repository may be readable by its owner only (another user's JVM needs them)
                Path copy = work.resolve("lib-" + (n++) + "-" + p.getFileName());
                Files.copy(p, copy);
                out.add(copy.toString());
            } else {
                out.add(entry);
            }
        }
        return String.join(File.pathSeparator, out);
    }

    private static void packJar(Path dir, Path jar) throws IOException {
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(os);
             Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                jos.putNextEntry(new JarEntry(dir.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, jos);
                jos.closeEntry();
            }
        }
    }

    /** The SQLite JNI library copied once, as the wrapper does (each JVM would copy it again). */
    private static List<String> sqliteLibrary(Path work) throws IOException {
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64" -> "aarch64";
            default -> null;
        };
        if (arch == null || Files.exists(Path.of("/etc/alpine-release"))) { // musl needs another library
            return List.of();
        }
        try (InputStream in = ForewarnProcess.class.getClassLoader().getResourceAsStream("org/sqlite/native/Linux/" + arch + "/libsqlitejdbc.so")) {
            if (in == null) {
                return List.of();
            }
            Files.copy(in, work.resolve("libsqlitejdbc.so"));
        }
        return List.of("-Dorg.sqlite.lib.path=" + work, "-Dorg.sqlite.lib.name=libsqlitejdbc.so");
    }

    private static void deleteOnExit(Path work) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory left behind
            }
        }));
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
