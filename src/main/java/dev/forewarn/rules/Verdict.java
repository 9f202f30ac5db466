package dev.forewarn.rules;

import dev.forewarn.forecast.Projection;

/**
 * The raw verdict of one rule on one series before the flapping guard: the severity, the phrase
 * that goes into the message's {@code {when}}, and the evidence.
 *
 * @param severity   raw severity
 * @param when       verdict phrase ("in 9 days (Sat 14 Mar, 80 %: 9–18 Mar)", "now: 1.2 GiB, below 3 % of fs.size_bytes")
 * @param projection evidence
 */
record Verdict(Severity severity, String when, Projection projection) {
}
