package dev.forewarn.fleet;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the real programs the fleet tests run (prometheus, promtool, node_exporter, chromium).
 * On CI ({@code CI} set) a missing one fails the test, since .ci/run installs them; on a
 * developer's machine without it the test is skipped with a clear assumption message.
 */
public final class Binaries {

    private Binaries() {
    }

    /** The path of the first of {@code names} on the PATH (or /usr/sbin, /usr/bin). */
    public static String require(String debianPackage, String... names) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin") + ":/usr/sbin:/usr/bin";
        for (String name : names) {
            for (String d : path.split(":")) {
                if (!d.isEmpty() && Files.isExecutable(Path.of(d, name))) {
                    return Path.of(d, name).toString();
                }
            }
        }
        String msg = names[0] + " is not installed (apt-get install " + debianPackage + "; .ci/run does)";
        if (System.getenv("CI") != null) {
            throw new AssertionError(msg);
        }
        assumeTrue(false, msg);
        return null;
    }
}
