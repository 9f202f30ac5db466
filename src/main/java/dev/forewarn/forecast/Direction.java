package dev.forewarn.forecast;

/** Which way a series must move to reach its threshold: available space goes DOWN to 0, used space goes UP to size. */
public enum Direction {
    /** The threshold is above the present value (used bytes, temperature, error counts). */
    UP,
    /** The threshold is below the present value (available bytes, free inodes, spare ratio). */
    DOWN;

    /** JSON and text form: {@code up} or {@code down}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
