package dev.forewarn.forecast.bench;

/**
 * One family's headline figures, for the fast calibration test.
 *
 * @param family      family name
 * @param kind        fill or quiet
 * @param origins     scored origins
 * @param coverage80  share of scored origins whose 80 % interval held the truth (NaN when none judged)
 * @param falseAlarms forewarn's false alarms (origins)
 */
public record FamilyScore(String family, GeneratedCase.Kind kind, int origins, double coverage80, int falseAlarms) {
}
