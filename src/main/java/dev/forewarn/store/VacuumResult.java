package dev.forewarn.store;

/**
 * What {@link SampleStore#vacuum(long)} did.
 *
 * @param foldedPoints    head points moved into compact chunks
 * @param retiredPoints   raw points rolled up into hourly roll-ups (and removed)
 * @param rollupHours     hourly roll-up rows written or updated
 * @param droppedRollups  roll-up rows removed as older than the roll-up span
 * @param droppedPoints   raw points removed as older than the roll-up span
 * @param removedSeries   series removed because nothing of them was left
 * @param bytesBefore     store size before, bytes (file plus write-ahead log)
 * @param bytesAfter      store size after, bytes
 */
public record VacuumResult(long foldedPoints, long retiredPoints, long rollupHours, long droppedRollups,
                           long droppedPoints, long removedSeries, long bytesBefore, long bytesAfter) {
}
