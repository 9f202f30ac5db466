package dev.forewarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's version and commit: what the build step writes and what the running code reads. */
class BuildInfoTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    @TempDir
    Path dir;

    /** stdout of a process run in {@code cwd}, bounded to 30 s; null when it fails to run or exits non-zero. */
    private static String run(Path cwd, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return null;
        }
        return p.exitValue() == 0 ? out : null;
    }

    private static String buildInfo(Path source) throws IOException, InterruptedException {
        return run(ROOT, "bash", ROOT.resolve("scripts/build-info").toString(), source.toString(), "9.9.9");
    }

    private static boolean gitRuns() throws IOException, InterruptedException {
        try {
            return run(ROOT, "git", "--version") != null;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void runningBuildStatesThePomVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>forewarn</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertTrue(m.find(), "pom.xml has a project version");
        assertEquals(m.group(1), BuildInfo.current().version());
    }

    @Test
    void runningBuildStatesTheCommitOfThisCheckout() throws IOException, InterruptedException {
        assumeTrue(gitRuns(), "git is installed");
        String head = run(ROOT, "git", "rev-parse", "--short", "HEAD");
        String top = run(ROOT, "git", "rev-parse", "--show-toplevel");
        assumeTrue(head != null && top != null && Path.of(top.trim()).toRealPath().equals(ROOT.toRealPath()),
                "the sources are a git checkout of their own");
        String commit = BuildInfo.current().commit();
        assertTrue(commit.equals(head.trim()) || commit.equals(head.trim() + "-dirty"),
                "commit " + commit + " is HEAD " + head.trim());
    }

    @Test
    void versionLineNamesVersionAndCommit() {
        assertEquals("forewarn 1.2.0 (commit 1a2b3c4)", new BuildInfo("1.2.0", "1a2b3c4").line());
        assertEquals("forewarn 1.2.0 (unknown commit)", new BuildInfo("1.2.0", BuildInfo.UNKNOWN).line());
    }

    @Test
    void missingOrEmptyPropertiesAreUnknownNotAnError() {
        assertEquals(new BuildInfo("unknown", "unknown"), BuildInfo.read(null));
        BuildInfo b = BuildInfo.read(new ByteArrayInputStream("version=2.0\ncommit=\n".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(new BuildInfo("2.0", "unknown"), b);
    }

    @Test
    void buildStepSaysUnknownCommitForATreeWithoutGit() throws IOException, InterruptedException {
        assertEquals("version=9.9.9\ncommit=unknown\n", buildInfo(dir));
    }

    @Test
    void buildStepDoesNotTakeTheCommitOfARepositoryTheTreeWasUnpackedIn() throws IOException, InterruptedException {
        assumeTrue(gitRuns(), "git is installed");
        assumeTrue(run(dir, "git", "init", "-q") != null, "git init works here");
        Path unpacked = Files.createDirectories(dir.resolve("forewarn-src"));
        Files.writeString(unpacked.resolve("pom.xml"), "<project/>");
        assertEquals("version=9.9.9\ncommit=unknown\n", buildInfo(unpacked));
    }

    @Test
    void buildStepTakesTheShortCommitOfACheckoutAndMarksChangedSources() throws IOException, InterruptedException {
        assumeTrue(gitRuns(), "git is installed");
        assumeTrue(run(dir, "git", "init", "-q") != null, "git init works here");
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        for (List<String> c : List.of(List.of("git", "add", "pom.xml"),
                List.of("git", "-c", "user.name=t", "-c", "user.email=t@localhost", "commit", "-q", "-m", "one"))) {
            assertTrue(run(dir, c.toArray(String[]::new)) != null, String.join(" ", c));
        }
        String head = run(dir, "git", "rev-parse", "--short", "HEAD").trim();
        assertEquals("version=9.9.9\ncommit=" + head + "\n", buildInfo(dir));
        Files.writeString(dir.resolve("pom.xml"), "<project><!-- changed --></project>");
        assertEquals("version=9.9.9\ncommit=" + head + "-dirty\n", buildInfo(dir));
    }
}
