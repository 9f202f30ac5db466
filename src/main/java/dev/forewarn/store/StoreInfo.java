package dev.forewarn.store;

import java.nio.file.Path;

/**
 * What a store holds.
 *
 * @param file            the store file
 * @param sizeBytes       bytes on disk: the file plus its write-ahead log
 * @param schemaVersion   {@code PRAGMA user_version}
 * @param series          number of series
 * @param rawPoints       raw points kept (in chunks and in the head)
 * @param headPoints      of those, points not yet folded into chunks
 * @param rollupHours     hourly roll-up rows kept
 * @param rolledUpPoints  raw points those roll-ups summarise
 * @param firstMillis     time of the oldest point or roll-up hour, epoch ms; null when empty
 * @param lastMillis      time of the newest point, epoch ms; null when empty
 */
public record StoreInfo(Path file, long sizeBytes, int schemaVersion, int series, long rawPoints, long headPoints,
                        long rollupHours, long rolledUpPoints, Long firstMillis, Long lastMillis) {
}
