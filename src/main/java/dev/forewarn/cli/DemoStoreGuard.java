package dev.forewarn.cli;

import dev.forewarn.report.DemoMarker;
import dev.forewarn.series.SeriesSource;
import java.nio.file.Path;

/**
 * Keeps this host's samples out of the demo's store: its series carry no host label, so a
 * sample of this machine's memory would land in the invented host's memory history (and
 * {@code top --store demo.db} did that every two seconds, turning the demo's leak into a
 * machine with 98 % of its memory free).
 */
final class DemoStoreGuard {

    private DemoStoreGuard() {
    }

    /** Fails with {@link ExitCodes#USAGE} when {@code source} (the store at {@code path}) is the demo's. */
    static void refuseSampling(SeriesSource source, Path path) {
        String demo = DemoMarker.hostOf(source);
        if (demo != null) {
            throw new UserException(path + " holds the invented history of 'forewarn demo' (host " + demo
                    + "): sampling this machine into it would mix two hosts' histories; give another --store", ExitCodes.USAGE, null);
        }
    }
}
