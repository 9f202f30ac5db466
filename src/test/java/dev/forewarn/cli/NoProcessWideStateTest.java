package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The command line keeps no process-wide state that one shell line could leave for the next:
 * no static field that is not final (a static verbosity, a static "running terminal"), and no
 * constant that holds a terminal, an atomic flag or a thread-local. Read from the sources, so a
 * new one fails here before it leaks in the shell.
 */
class NoProcessWideStateTest {

    private static final Path CLI = Path.of("src/main/java/dev/forewarn/cli");
    /** A static field declaration: modifiers, a type, a name, then "=" or ";". */
    private static final Pattern STATIC_FIELD = Pattern.compile("^\\s*(?:(?:private|public|protected|volatile|transient|final)\\s+)*static\\s+"
            + "(?:(?:volatile|transient|final)\\s+)*[\\w.<>\\[\\], ?]+\\s+\\w+\\s*(=|;)");
    private static final Pattern MUTABLE_HOLDER = Pattern.compile("\\bstatic\\s+final\\s+(?:[\\w.]*\\.)?(Atomic\\w+|Terminal|ThreadLocal|LineReader)\\b");

    @Test
    void theCommandLineHasNoMutableStaticState() throws IOException {
        List<String> found = new ArrayList<>();
        int staticFinals = 0;
        try (Stream<Path> files = Files.walk(CLI)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String l = lines.get(i);
                    boolean field = STATIC_FIELD.matcher(l).find();
                    if (field && !l.matches(".*\\bfinal\\b.*")) {
                        found.add(CLI.relativize(f) + ":" + (i + 1) + " " + l.strip());
                    } else if (MUTABLE_HOLDER.matcher(l).find()) {
                        found.add(CLI.relativize(f) + ":" + (i + 1) + " " + l.strip());
                    } else if (field) {
                        staticFinals++;
                    }
                }
            }
        }
        assertEquals(List.of(), found);
        // the pattern sees the constants there are (EXIT_CODE, REDRAW_MILLIS, ...), so the empty list means something
        assertTrue(staticFinals > 20, "static final fields seen: " + staticFinals);
        assertTrue(STATIC_FIELD.matcher("    private static int level;").find() && STATIC_FIELD.matcher("static volatile Terminal running = null;").find());
        assertTrue(MUTABLE_HOLDER.matcher("static final AtomicBoolean RUNNING = new AtomicBoolean();").find());
    }
}
