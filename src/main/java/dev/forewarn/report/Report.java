package dev.forewarn.report;

import java.time.ZoneId;
import java.util.List;

/**
 * The evidence report: everything every format renders, and what {@code report --verify}
 * recomputes. Times are epoch milliseconds.
 *
 * @param host            the host the data describes
 * @param generatedMillis when the report was written
 * @param atMillis        the evaluation time (the clock, or {@code --at})
 * @param sinceMillis     the first time of history considered
 * @param confidence      coverage of the crossing intervals, 0.95 in reports
 * @param runwayMillis    headroom the recommendations size for, milliseconds
 * @param leadTimeMillis  procurement lead time, milliseconds
 * @param selectors       the selectors asked for (empty: every finding)
 * @param items           the findings, worst first
 * @param trackRecord     earlier findings on this host and their outcome
 * @param collectors      collectors whose data the report uses
 * @param sha256          SHA-256 over the hashes of every series used, in report order
 * @param zone            the zone dates are printed in
 * @param provenance      what made the report: forewarn's version and commit, the rules' hash, the rules file
 * @param demo            the data is the invented history of {@code forewarn demo}, not a real host's
 */
public record Report(String host, long generatedMillis, long atMillis, long sinceMillis, double confidence,
                     long runwayMillis, long leadTimeMillis, List<String> selectors, List<ReportItem> items,
                     List<TrackRecordEntry> trackRecord, List<String> collectors, String sha256, ZoneId zone,
                     Provenance provenance, boolean demo) {

    public Report {
        selectors = List.copyOf(selectors);
        items = List.copyOf(items);
        trackRecord = List.copyOf(trackRecord);
        collectors = List.copyOf(collectors);
    }

    /**
     * What made a report, so {@code report --verify} can tell "made by another version or other
     * rules" from "the data changed".
     *
     * @param version     forewarn's version ("dev" when run from classes)
     * @param commit      the git commit forewarn was built from, or "unknown"
     * @param rulesSha256 SHA-256 of the rules in force (see the CLI's rule loading)
     * @param rulesFile   the extra rules file given with {@code --rules}, or null
     */
    public record Provenance(String version, String commit, String rulesSha256, String rulesFile) {
        /** Nothing known: reports built without a CLI (tests, libraries). */
        public static final Provenance UNKNOWN = new Provenance("unknown", "unknown", "unknown", null);
    }

    /** Total points behind the report. */
    public long totalPoints() {
        long n = 0;
        for (ReportItem i : items) {
            n += i.data().points();
        }
        return n;
    }
}
