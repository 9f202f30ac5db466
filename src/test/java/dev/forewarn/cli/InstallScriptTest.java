package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/install into a staging root: the files it puts in place, and --uninstall taking exactly those away. */
class InstallScriptTest {

    @TempDir
    Path root;

    private String run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", Path.of("scripts/install").toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "install hung");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private Path fakeJar() throws IOException {
        return Files.writeString(root.getParent().resolve(root.getFileName() + "-forewarn.jar"), "not really a jar");
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    @Test
    void installsJarWrapperStoreDirectoryAndSystemdTimersThenUninstallsThem() throws Exception {
        String out = run("--root", root.toString(), "--jar", fakeJar().toString());
        assertTrue(out.contains("forewarn installed in /opt/forewarn"), out);
        assertEquals("not really a jar", Files.readString(root.resolve("opt/forewarn/lib/forewarn.jar")));
        Path shim = root.resolve("usr/local/bin/forewarn");
        assertTrue(Files.isExecutable(shim));
        assertTrue(Files.readString(shim).contains("FOREWARN_JAR=/opt/forewarn/lib/forewarn.jar exec /opt/forewarn/bin/forewarn"));
        assertTrue(Files.isExecutable(root.resolve("opt/forewarn/bin/forewarn")));
        assertTrue(Files.isDirectory(root.resolve("var/lib/forewarn")));
        String sample = Files.readString(root.resolve("etc/systemd/system/forewarn-sample.service"));
        assertTrue(sample.contains("ExecStart=/usr/local/bin/forewarn sample"), sample);
        assertTrue(Files.readString(root.resolve("etc/systemd/system/forewarn-sample.timer")).contains("OnUnitActiveSec=5min"));
        assertTrue(Files.readString(root.resolve("etc/systemd/system/forewarn-check.service")).contains("check --quiet"));
        String collect = Files.readString(root.resolve("etc/systemd/system/forewarn-collect.service"));
        assertTrue(collect.contains("ExecStart=/usr/local/bin/forewarn collect"), collect);
        assertTrue(collect.contains("\nRestart=on-failure\n"), "a collect that ends with a failure is started again: " + collect);
        assertFalse(Files.exists(root.resolve("etc/cron.d/forewarn")));

        // what the wrapper makes beside the jar on its first run goes too
        Path lib = root.resolve("opt/forewarn/lib");
        Files.writeString(lib.resolve("forewarn.jsa"), "archive");
        Files.writeString(lib.resolve("forewarn.jsa.jdk"), "/usr/bin/java 17");
        Files.writeString(Files.createDirectories(lib.resolve("forewarn.native")).resolve("libsqlitejdbc.so"), "lib");

        run("--root", root.toString(), "--uninstall");
        assertEquals(List.of(), files());
        assertFalse(Files.exists(root.resolve("opt/forewarn")), "nothing is left of the prefix");
        assertTrue(Files.isDirectory(root.resolve("var/lib/forewarn")), "the store directory is kept");
    }

    @Test
    void cronAlternativeWritesOneCronDFileWithSampleAndQuietCheck() throws Exception {
        run("--root", root.toString(), "--jar", fakeJar().toString(), "--cron", "--prefix", "/srv/fw", "--bin-dir", "/usr/bin");
        String cron = Files.readString(root.resolve("etc/cron.d/forewarn"));
        assertTrue(cron.contains("*/5 * * * * root /usr/bin/forewarn sample"), cron);
        assertTrue(cron.contains("root /usr/bin/forewarn check --quiet"), cron);
        assertFalse(Files.exists(root.resolve("etc/systemd/system/forewarn-sample.timer")));
        assertTrue(Files.exists(root.resolve("srv/fw/lib/forewarn.jar")));
        run("--root", root.toString(), "--prefix", "/srv/fw", "--uninstall");
        assertEquals(List.of(), files());
    }
}
