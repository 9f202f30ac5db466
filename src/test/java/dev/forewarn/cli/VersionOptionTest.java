package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.BuildInfo;
import org.junit.jupiter.api.Test;

/** {@code forewarn --version}: the version and commit of the build, not a placeholder. */
class VersionOptionTest {

    @Test
    void versionOptionPrintsTheBuildsVersionAndCommit() {
        CliRun r = CliRun.of("--version");
        assertEquals(0, r.exitCode(), r.err());
        String line = r.out().trim();
        assertTrue(line.matches("forewarn \\d+\\.\\d+\\.\\d+\\S* \\((commit [0-9a-f]{4,}(-dirty)?|unknown commit)\\)"), line);
        assertTrue(line.startsWith("forewarn " + BuildInfo.current().version() + " "), line);
        assertTrue(!line.contains("dev") && !line.contains("unknown unknown"), line);
    }
}
