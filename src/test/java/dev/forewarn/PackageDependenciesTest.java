package dev.forewarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The one-way dependencies of DESIGN.md's package table, read from the sources' imports. */
class PackageDependenciesTest {

    private static final Path MAIN = Path.of("src/main/java/dev/forewarn");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?(dev\\.forewarn\\.[\\w.]+);", Pattern.MULTILINE);

    /** Every {@code dev.forewarn} import of the package's sources, as "File.java: dev.forewarn.x.Y". */
    private static List<String> imports(String pkg) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve(pkg))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    out.add(f.getFileName() + ": " + m.group(1));
                }
            }
        }
        return out;
    }

    @Test
    void storeKnowsTheRulesOnlyThroughTheFindingsPortAndNeverTheForecast() throws IOException {
        List<String> all = imports("store");
        assertTrue(all.size() > 0, "the store's sources are read from " + MAIN.toAbsolutePath());
        Set<String> port = Set.of("dev.forewarn.rules.FindingState", "dev.forewarn.rules.Severity");
        List<String> wrong = all.stream().filter(i -> {
            String target = i.substring(i.indexOf(": ") + 2);
            return !(target.startsWith("dev.forewarn.store.") || target.startsWith("dev.forewarn.series.")
                    || target.equals("dev.forewarn.BuildInfo") || port.contains(target));
        }).toList();
        assertEquals(List.of(), wrong, "the store depends on JDBC and series only (and the rules' findings port)");
    }
}
