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
 * @param trackRecordNote what to say when {@code trackRecord} is empty: why (no history kept, none before this time, unreadable)
 * @param checked         the verdict as {@code forewarn check} gives it on the same store: status, pending verdicts, guard memory
 * @param fleet           the fleet summary drawn before the verdict of a fleet report, or null for one host
 */
public record Report(String host, long generatedMillis, long atMillis, long sinceMillis, double confidence,
                     long runwayMillis, long leadTimeMillis, List<String> selectors, List<ReportItem> items,
                     List<TrackRecordEntry> trackRecord, List<String> collectors, String sha256, ZoneId zone,
                     Provenance provenance, boolean demo, Checked checked, String trackRecordNote, FleetSummary fleet) {

    public Report {
        selectors = List.copyOf(selectors);
        items = List.copyOf(items);
        trackRecord = List.copyOf(trackRecord);
        collectors = List.copyOf(collectors);
    }

    /** A single host's report: no fleet summary. */
    public Report(String host, long generatedMillis, long atMillis, long sinceMillis, double confidence,
                  long runwayMillis, long leadTimeMillis, List<String> selectors, List<ReportItem> items,
                  List<TrackRecordEntry> trackRecord, List<String> collectors, String sha256, ZoneId zone,
                  Provenance provenance, boolean demo, Checked checked, String trackRecordNote) {
        this(host, generatedMillis, atMillis, sinceMillis, confidence, runwayMillis, leadTimeMillis, selectors, items,
                trackRecord, collectors, sha256, zone, provenance, demo, checked, trackRecordNote, null);
    }

    /**
     * What made a report, so {@code report --verify} can tell "made by another version or other
     * rules" from "the data changed".
     *
     * @param version     forewarn's version ("dev" when run from classes)
     * @param commit      the git commit forewarn was built from, or "unknown"
     * @param rulesSha256 SHA-256 of the rules in force ({@link RulesDigest})
     * @param rulesFile   the extra rules file given with {@code --rules}, or null
     */
    public record Provenance(String version, String commit, String rulesSha256, String rulesFile) {
        /** Nothing known: reports built without a CLI (tests, libraries). */
        public static final Provenance UNKNOWN = new Provenance("unknown", "unknown", "unknown", null);
    }

    /**
     * The verdict as {@code forewarn check} gives it, from the same evaluation: the report's headline
     * status, and which findings the flapping guard still holds back.
     *
     * @param status  check's status over every rule (not only the findings shown)
     * @param pending severity held back, by {@link #key(String, String) rule and series}
     * @param memory   the guard's memory each shown finding was judged with, by the same key (so verify can judge again)
     * @param learning the findings of every rule still learning their trend (not shown: they have no projection)
     */
    public record Checked(dev.forewarn.rules.Severity status, java.util.Map<String, dev.forewarn.rules.Severity> pending,
                          java.util.Map<String, dev.forewarn.rules.FindingState.Entry> memory, Learning learning) {
        /** No check view: every finding as raw. */
        public static final Checked NONE = new Checked(null, java.util.Map.of(), java.util.Map.of(), Learning.NONE);

        public Checked {
            pending = java.util.Map.copyOf(pending);
            memory = java.util.Map.copyOf(memory);
        }
    }

    /** The key of a rule on a series in {@link Checked}. */
    public static String key(String ruleId, String series) {
        return ruleId + " " + series;
    }

    /** The severity the guard holds back for this finding, or null when it is not pending. */
    public dev.forewarn.rules.Severity pendingOf(dev.forewarn.rules.Finding f) {
        return checked.pending().get(key(f.ruleId(), f.projection().series().toString()));
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
