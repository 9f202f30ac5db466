package dev.forewarn.rules;

import dev.forewarn.forecast.Projection;

/**
 * The verdict of one rule on one series, with its evidence: the projection plus the rule that
 * judged it. {@code check --format json} prints each as the projection's object with
 * {@code rule}, {@code severity} and {@code message} added.
 *
 * @param ruleId     id of the rule
 * @param source     where that rule is defined
 * @param severity   the verdict
 * @param message    one line for a person, e.g. "/var fills in 9 days (Sat 14 Mar, 80 %: 9–18 Mar)"
 * @param projection the evidence; never null (a present-value finding still carries the value and threshold)
 */
public record Finding(String ruleId, RuleSource source, Severity severity, String message, Projection projection) {
}
