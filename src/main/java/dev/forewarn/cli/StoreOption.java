package dev.forewarn.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --store PATH} mixin. Without it: {@code $FOREWARN_STORE}, else
 * {@code /var/lib/forewarn/forewarn.db} for root, else {@code $XDG_DATA_HOME/forewarn/forewarn.db}
 * ({@code ~/.local/share/forewarn/forewarn.db} when XDG_DATA_HOME is unset). Every command takes
 * it, also those that group others ({@code export}, {@code store}, {@code rules}) and those that
 * read no store ({@code rules list}), so that a script can pass {@code --store} to any of them.
 */
public final class StoreOption {

    @Option(names = "--store", paramLabel = "PATH", description = "The SQLite history file (default: $FOREWARN_STORE, /var/lib/forewarn/forewarn.db for root, else $XDG_DATA_HOME/forewarn/forewarn.db).")
    Path store;

    /** The command this mixin belongs to, so that {@code forewarn export --store X openmetrics} finds the parent's {@code --store}. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** The store path in force: this command's {@code --store}, else a parent command's, else the default. */
    public Path path() {
        if (store != null) {
            return store;
        }
        for (CommandSpec c = mixee == null ? null : mixee.parent(); c != null; c = c.parent()) {
            CommandSpec m = c.mixins().get("store");
            if (m != null && m.userObject() instanceof StoreOption o && o.store != null) {
                return o.store;
            }
        }
        return defaultPath(System.getenv(), "root".equals(System.getProperty("user.name")));
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
