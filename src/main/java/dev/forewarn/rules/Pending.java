package dev.forewarn.rules;

/**
 * A verdict the flapping guard holds back: the rule found WARNING or CRITICAL, but it has not
 * yet held for the rule's evaluations and span, so {@code check} shows it as OK "(pending ...)".
 *
 * @param finding  the finding as shown (severity OK, its message ending in the pending note)
 * @param severity the severity it will be raised with once it holds
 * @param seen     consecutive evaluations it has held so far
 * @param needed   evaluations the rule's hold asks for
 */
public record Pending(Finding finding, Severity severity, int seen, int needed) {
}
