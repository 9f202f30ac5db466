package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;

class SqliteDriverTempTest {

    @TempDir
    Path dir;

    @Test
    void quietCheckPrintsNothingBesideAnotherJvmsSqliteLeftoverInTheTemporaryDirectory() throws Exception {
        // what another JVM's driver left in the shared temporary directory, and ours cannot delete
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        Path leftover = Files.createDirectory(tmp.resolve("sqlite-" + SQLiteJDBCLoader.getVersion() + "-x-libsqlitejdbc.so"));
        Files.writeString(leftover.resolve("busy"), "in use");
        // an OK store: two days of a calm load, up to now
        long now = System.currentTimeMillis();
        StringBuilder csv = new StringBuilder("time,series,value\n");
        for (long t = now - 2 * 86_400_000L; t <= now; t += 300_000L) {
            csv.append(t).append(",cpu.load1,0.25\n");
        }
        Path data = Files.writeString(dir.resolve("load.csv"), csv);
        Path db = dir.resolve("ok.db");
        Map<String, String> env = Map.of("HOME", dir.resolve("home").toString());
        List<String> jvm = List.of("-Xmx64m", "-Djava.io.tmpdir=" + tmp);
        ChildJvm imported = ChildJvm.run(dir, jvm, env, "import", data.toString(), "--store", db.toString());
        assertEquals(0, imported.exitCode(), imported.err());

        ChildJvm check = ChildJvm.run(dir, jvm, env, "check", "--quiet", "--store", db.toString());
        assertEquals("", check.err());
        assertEquals("", check.out());
        assertEquals(0, check.exitCode());
        assertTrue(Files.isDirectory(leftover), "another JVM's files are left alone");
    }
}
