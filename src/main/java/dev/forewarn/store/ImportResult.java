package dev.forewarn.store;

/**
 * What a bulk import stored.
 *
 * @param series number of distinct series written
 * @param points number of points written (a point that replaced an existing one counts too)
 */
public record ImportResult(int series, long points) {
}
