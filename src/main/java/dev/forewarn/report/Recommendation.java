package dev.forewarn.report;

/**
 * What it takes to prevent one failure, in the words a manager can sign off.
 *
 * @param action           one sentence: "Add at least 600 GB to /var by Mon 2 Mar 2026 to keep 90 days of headroom at today's growth."
 * @param amount           the capacity to add or free, in the series' unit, rounded up; null when no amount applies (a failing disk is replaced, not enlarged)
 * @param orderByMillis    the last day to order: the crossing's early bound minus the lead time, epoch milliseconds; null without a crossing
 * @param orderByPassed    true when the order-by date is at or before the evaluation time
 * @param runwayMillis     the headroom the amount buys, in milliseconds of today's growth
 * @param leadTimeMillis   procurement lead time assumed, milliseconds
 */
public record Recommendation(String action, Double amount, Long orderByMillis, boolean orderByPassed,
                             long runwayMillis, long leadTimeMillis) {
}
