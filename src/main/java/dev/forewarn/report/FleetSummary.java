package dev.forewarn.report;

import java.util.List;

/**
 * The fleet summary every renderer draws before the verdict of a fleet report ({@code report
 * --prometheus}, {@code serve}): which hosts run out of what, when, what to buy by when, and the
 * total capacity to add. The cells are already worded (dates in the report's zone, amounts with
 * their unit), so every format shows the same words.
 *
 * @param counts instances by state, and which could not be read ("3 instances: 1 WARNING, 2 OK")
 * @param rows   one row per finding worse than OK, worst host first
 * @param total  "Total capacity to add for 90 days of headroom: 12 GB." or null when no row has an amount
 */
public record FleetSummary(String counts, List<Row> rows, String total) {

    /** The heading every renderer gives the section. */
    public static final String HEADING = "Fleet summary";

    /** What the section says when no row is worse than OK. */
    public static final String NOTHING = "No host is projected to run out of anything within its rules' horizon.";

    public FleetSummary {
        rows = List.copyOf(rows);
    }

    /**
     * One host's finding.
     *
     * @param instance the host ({@code instance} label)
     * @param severity the finding's severity name (WARNING, CRITICAL, UNKNOWN)
     * @param resource what runs out ("/data (free space)")
     * @param when     when, with the interval, or "now"
     * @param orderBy  the day to order by ("—" when nothing to order)
     * @param capacity the capacity to add with its unit ("—" when none)
     */
    public record Row(String instance, String severity, String resource, String when, String orderBy, String capacity) {
    }
}
