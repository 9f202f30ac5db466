package dev.forewarn.cli;

import dev.forewarn.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version and git commit the build recorded ({@link BuildInfo}). */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {BuildInfo.current().line()};
    }
}
