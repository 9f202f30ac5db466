package dev.forewarn;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Which build of forewarn is running: the project version and the git commit it was built from,
 * as the build wrote them into {@code dev/forewarn/build.properties} (scripts/build-info). It
 * lives in the base package, depending on nothing, so that every layer can state it: the
 * {@code --version} line, a report's record of what made it.
 *
 * @param version the Maven project version, e.g. {@code 0.1.0-SNAPSHOT}; {@value #UNKNOWN} when
 *                run from classes the build did not make (an IDE)
 * @param commit  the short git commit, with {@code -dirty} when the jar's sources differed from
 *                it; {@value #UNKNOWN} when built from a tree without .git
 */
public record BuildInfo(String version, String commit) {

    /** The value of a field the build could not tell. */
    public static final String UNKNOWN = "unknown";

    static final String RESOURCE = "/dev/forewarn/build.properties";

    private static final BuildInfo CURRENT = read(BuildInfo.class.getResourceAsStream(RESOURCE));

    /** The build that is running. */
    public static BuildInfo current() {
        return CURRENT;
    }

    /** The build described by a properties stream (null: none was found), missing fields unknown. */
    static BuildInfo read(InputStream in) {
        if (in == null) {
            return new BuildInfo(UNKNOWN, UNKNOWN);
        }
        Properties p = new Properties();
        try (in) {
            p.load(in);
        } catch (IOException e) {
            // a torn resource must not stop the tool: the build is then simply not known
            return new BuildInfo(UNKNOWN, UNKNOWN);
        }
        return new BuildInfo(field(p, "version"), field(p, "commit"));
    }

    private static String field(Properties p, String name) {
        String v = p.getProperty(name, "").trim();
        return v.isEmpty() ? UNKNOWN : v;
    }

    /** {@code forewarn 0.1.0 (commit 1a2b3c4)}, or {@code (unknown commit)} without one. */
    public String line() {
        return "forewarn " + version + (UNKNOWN.equals(commit) ? " (unknown commit)" : " (commit " + commit + ")");
    }
}
