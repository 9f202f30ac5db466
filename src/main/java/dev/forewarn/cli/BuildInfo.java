package dev.forewarn.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What build of forewarn is running: the version from the jar manifest ("dev" when run from
 * classes) and the git commit, from the manifest's {@code Build-Commit} entry or the
 * {@code forewarn-build.properties} resource ({@code commit=...}) when the build wrote one,
 * else "unknown". Reports record both so {@code report --verify} can tell another version's
 * wording from changed figures.
 */
final class BuildInfo {

    private BuildInfo() {
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    static String commit() {
        try (InputStream in = Main.class.getResourceAsStream("/forewarn-build.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String c = p.getProperty("commit");
                if (c != null && !c.isBlank() && !c.startsWith("${")) {
                    return c.strip();
                }
            }
        } catch (IOException e) {
            // an unreadable resource is the same as none
        }
        return "unknown";
    }
}
