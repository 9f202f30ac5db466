package dev.forewarn.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What build of forewarn is running, for a report's record of what made it: the version and git
 * commit the build wrote into the {@code dev/forewarn/build.properties} resource ({@code version=},
 * {@code commit=}), else the jar manifest's version; "dev" and "unknown" when neither says.
 * (Once the build writes that resource for {@code --version}, this reads the same one.)
 */
final class BuildInfo {

    private static final Properties BUILD = read();

    private BuildInfo() {
    }

    static String version() {
        String v = BUILD.getProperty("version", "").strip();
        if (!v.isEmpty() && !v.equals("unknown")) {
            return v;
        }
        String m = Main.class.getPackage().getImplementationVersion();
        return m == null ? "dev" : m;
    }

    static String commit() {
        String c = BUILD.getProperty("commit", "").strip();
        return c.isEmpty() ? "unknown" : c;
    }

    private static Properties read() {
        Properties p = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("/dev/forewarn/build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource is the same as none: the build is then not known
        }
        return p;
    }
}
