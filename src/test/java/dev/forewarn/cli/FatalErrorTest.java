package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FatalErrorTest {

    @TempDir
    Path dir;

    @Test
    void outOfMemoryEndsWithOneErrorLineAndExitOneNotAStackTrace() throws Exception {
        // a 64 MiB report to verify is read whole: more than a 24 MiB heap holds (sparse: no disk used)
        Path big = dir.resolve("big.html");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(64L << 20);
        }
        ChildJvm r = ChildJvm.run(dir, List.of("-Xmx24m"), Map.of(),
                "report", "--verify", big.toString(), "--store", dir.resolve("s.db").toString());
        assertEquals(1, r.exitCode(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: out of memory (Java heap space, heap limit "), r.err());
        assertTrue(r.err().contains("FOREWARN_JAVA_OPTS=-Xmx2g"), r.err());
    }

    @Test
    void errorInCheckIsUnknownForNagios() {
        new Verbosity().setVerbose(new boolean[0]); // no -v: no stack trace
        String err = captureStderr(() -> assertEquals(ExitCodes.UNKNOWN,
                ErrorHandler.fatal(new StackOverflowError(), "-q", "check", "--store", "x.db")));
        assertEquals("error: stack overflow: the input is nested or recursive too deeply\n", err);
        err = captureStderr(() -> assertEquals(ExitCodes.FAILURE, ErrorHandler.fatal(new OutOfMemoryError("Java heap space"), "show")));
        assertEquals(1, err.lines().count(), err);
        err = captureStderr(() -> assertEquals(ExitCodes.FAILURE, ErrorHandler.fatal(new AssertionError("odd"), "import", "x.csv")));
        assertEquals("error: internal error: AssertionError: odd\n", err);
    }

    private static String captureStderr(Runnable r) {
        PrintStream saved = System.err;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        System.setErr(new PrintStream(b, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setErr(saved);
        }
        return b.toString(StandardCharsets.UTF_8);
    }
}
