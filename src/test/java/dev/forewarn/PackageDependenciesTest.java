package dev.forewarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package table of DESIGN.md, read from the sources: every reference to another forewarn
 * package (an import, a fully qualified name or a Javadoc link) must run down the table. The
 * store may name the rules layer only through its findings-history port ({@code FindingState}
 * and the {@code Severity} its entries carry); the report layer knows neither the command line
 * nor the store.
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/forewarn");
    /** A reference to a class of a forewarn package: {@code dev.forewarn.rules.Severity}. */
    private static final Pattern REFERENCE = Pattern.compile("dev\\.forewarn\\.([a-z]+)\\.([A-Z]\\w*|\\*)");

    /** What each package may refer to, besides itself: the table of DESIGN.md. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "series", Set.of(),
            "sampling", Set.of("series"),
            "store", Set.of("series", "rules.FindingState", "rules.Severity"),
            "forecast", Set.of("series"),
            "rules", Set.of("series", "forecast"),
            "report", Set.of("series", "forecast", "rules"),
            "fleet", Set.of("series", "forecast", "rules"));

    @Test
    void everyPackageRefersOnlyToThePackagesBelowIt() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (var e : ALLOWED.entrySet()) {
            wrong.addAll(violations(e.getKey(), e.getValue()));
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theScanSeesTheReferencesThereAre() throws IOException {
        // the store's one way into the rules layer is found, so an empty list above means something
        assertTrue(references("store").stream().anyMatch(r -> r.endsWith("rules.FindingState")), "store's findings-history port");
        assertTrue(references("report").stream().anyMatch(r -> r.endsWith("rules.Finding")), "report renders findings");
        assertTrue(violations("report", Set.of("series", "forecast")).stream().anyMatch(v -> v.contains("rules.")),
                "a rule the sources break is reported");
    }

    private static List<String> violations(String pkg, Set<String> allowed) throws IOException {
        List<String> out = new ArrayList<>();
        for (String r : references(pkg)) {
            String target = r.substring(r.lastIndexOf(' ') + 1);
            String targetPkg = target.substring(0, target.indexOf('.'));
            if (!targetPkg.equals(pkg) && !allowed.contains(targetPkg) && !allowed.contains(target)) {
                out.add(r);
            }
        }
        return out;
    }

    /** "report/ReportAssembly.java:12 rules.Finding" for every reference to a forewarn package in {@code pkg}'s sources. */
    private static List<String> references(String pkg) throws IOException {
        List<String> out = new ArrayList<>();
        Path dir = SOURCES.resolve(pkg);
        assertTrue(Files.isDirectory(dir), dir.toAbsolutePath() + " (run from the project directory)");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = REFERENCE.matcher(lines.get(i));
                    while (m.find()) {
                        out.add(SOURCES.relativize(f) + ":" + (i + 1) + " " + m.group(1) + "." + m.group(2));
                    }
                }
            }
        }
        return out;
    }
}
