package dev.forewarn.cli;

import java.util.concurrent.CancellationException;

/**
 * Where a long command (a forecast or backtest of many series) lets Ctrl-C in the shell stop it:
 * the shell interrupts the command's thread on SIGINT, and the command checks between units of
 * work. The interrupt flag stays set so that the shell can say the command was interrupted.
 */
final class Interruption {

    /** The exit code of an interrupted command: 128 + SIGINT, as a shell reports it. */
    static final int EXIT_CODE = 130;

    private Interruption() {
    }

    /** Throws {@link CancellationException} when this thread has been interrupted; the flag is kept. */
    static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("interrupted");
        }
    }
}
