package dev.forewarn.cli;

import dev.forewarn.series.Times;
import java.time.ZoneId;
import picocli.CommandLine.Option;

/** The {@code --since T} and {@code --until T} mixin: any form {@link Times#parseTime} reads. */
public final class TimeOptions {

    @Option(names = "--since", paramLabel = "T", description = "Only points at or after T (ISO-8601, '2026-03-14 09:00', epoch seconds, -7d, now).")
    String since;

    @Option(names = "--until", paramLabel = "T", description = "Only points at or before T (default: no limit).")
    String until;

    /** The lower bound in epoch ms; no bound when not given. */
    public long fromMillis(long nowMillis) {
        return parse("--since", since, nowMillis, Long.MIN_VALUE);
    }

    /** The upper bound in epoch ms; no bound when not given. */
    public long toMillis(long nowMillis) {
        return parse("--until", until, nowMillis, Long.MAX_VALUE);
    }

    private static long parse(String option, String text, long nowMillis, long none) {
        if (text == null) {
            return none;
        }
        try {
            return Times.parseTime(text, nowMillis, ZoneId.systemDefault());
        } catch (IllegalArgumentException e) {
            throw new UserException(option + ": " + e.getMessage(), ExitCodes.USAGE, e);
        }
    }
}
