package dev.forewarn.cli;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults from the environment: {@code --lead-time} of any command reads
 * {@code FOREWARN_LEAD_TIME}, and so on (the long name, upper case, dashes as underscores).
 * The command line still wins; {@code --store} is handled by {@link StoreOption}.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {

    private final Map<String, String> env;

    EnvironmentDefaults(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (argSpec instanceof OptionSpec opt && opt.longestName().startsWith("--")) {
            String var = "FOREWARN_" + opt.longestName().substring(2).toUpperCase(Locale.ROOT).replace('-', '_');
            String v = env.get(var);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return argSpec.defaultValue();
    }
}
