package dev.forewarn.store;

/** The aggregate of one hourly roll-up: the minimum, maximum, mean or last value of the hour. */
public enum Agg {
    MIN, MAX, AVG, LAST
}
