package dev.forewarn.report;

/**
 * Told of each step of a long computation (one rule evaluated), so the command line can draw a
 * progress bar on a terminal; closed when the computation ends. The report layer knows no terminal.
 */
public interface ProgressMeter extends AutoCloseable {

    /** A meter that shows nothing. */
    ProgressMeter NONE = new ProgressMeter() {
        @Override
        public void step() {
        }

        @Override
        public void close() {
        }
    };

    /** One step done. */
    void step();

    /** The computation is over: the meter clears what it drew. */
    @Override
    void close();
}
