package dev.forewarn.store;

/**
 * How a store keeps its history.
 *
 * @param rawRetentionMillis    how long raw points are kept before they are rolled up to hours (default 14 days)
 * @param rollupRetentionMillis how long hourly roll-ups are kept (default 2 years, 730 days)
 * @param busyTimeoutMillis     how long a writer waits for another process that holds the store (default 10 s)
 */
public record StoreOptions(long rawRetentionMillis, long rollupRetentionMillis, long busyTimeoutMillis) {

    /** 14 days raw, 2 years of roll-ups, 10 s wait for a busy store. */
    public static final StoreOptions DEFAULTS = new StoreOptions(14 * 86_400_000L, 730 * 86_400_000L, 10_000L);

    public StoreOptions {
        if (rawRetentionMillis <= 0 || rollupRetentionMillis <= 0 || busyTimeoutMillis < 0) {
            throw new IllegalArgumentException("retention spans must be positive and the busy timeout not negative");
        }
    }

    /** These options with other retention spans. */
    public StoreOptions withRetention(long rawMillis, long rollupMillis) {
        return new StoreOptions(rawMillis, rollupMillis, busyTimeoutMillis);
    }

    /** These options with another busy timeout. */
    public StoreOptions withBusyTimeout(long millis) {
        return new StoreOptions(rawRetentionMillis, rollupRetentionMillis, millis);
    }
}
