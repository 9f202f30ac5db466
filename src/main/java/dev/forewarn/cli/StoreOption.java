package dev.forewarn.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --store PATH} mixin. Without it: {@code $FOREWARN_STORE}, else
 * {@code /var/lib/forewarn/forewarn.db} for root, else {@code $XDG_DATA_HOME/forewarn/forewarn.db}
 * ({@code ~/.local/share/forewarn/forewarn.db} when XDG_DATA_HOME is unset).
 */
public final class StoreOption {

    @Option(names = "--store", paramLabel = "PATH", description = "The SQLite history file (default: $FOREWARN_STORE, /var/lib/forewarn/forewarn.db for root, else $XDG_DATA_HOME/forewarn/forewarn.db).")
    Path store;

    /** The store path in force. */
    public Path path() {
        return store != null ? store : defaultPath(System.getenv(), "root".equals(System.getProperty("user.name")));
    }

    /** The default store path for an environment; separated from {@link #path()} so tests can give their own. */
    static Path defaultPath(Map<String, String> env, boolean root) {
        String explicit = env.get("FOREWARN_STORE");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        if (root) {
            return Path.of("/var/lib/forewarn/forewarn.db");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("forewarn").resolve("forewarn.db");
    }
}
