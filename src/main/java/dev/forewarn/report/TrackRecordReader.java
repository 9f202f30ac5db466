package dev.forewarn.report;

import dev.forewarn.rules.FindingState;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.series.SeriesSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads the report's track record: the earlier findings the findings history keeps, each judged
 * against what the series did since ({@link TrackRecords#judge}), with what to say when there is
 * none. "The first report from this history" only when the history was read and holds nothing;
 * a history that cannot be read says so rather than pass for an empty one.
 */
public final class TrackRecordReader {

    // the assembly's logger: a failed read is logged as part of assembling the report, as before the split
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReportAssembly.class);

    /** How many earlier findings the track record shows, newest kept. */
    public static final int MAX_ENTRIES = 25;

    /**
     * The track record and what to say when it is empty.
     *
     * @param entries earlier findings with what became of them
     * @param note    why there are none, when there are none
     */
    public record Read(List<TrackRecordEntry> entries, String note) {
    }

    private TrackRecordReader() {
    }

    /**
     * @param findings  opens the findings history (it may throw when it cannot be read), or null when the
     *                  data source keeps none
     * @param source    the series, to see what became of each finding
     * @param shownHost the host named in the report
     * @param atMillis  the report's evaluation time: what was raised later is not part of its history
     */
    public static Read read(Supplier<FindingState> findings, SeriesSource source, String shownHost, long atMillis) {
        if (findings == null) {
            return new Read(List.of(), "This data source keeps no history of findings, so there is no track record to show.");
        }
        List<FindingState.Raised> raised;
        try {
            raised = findings.get().history();
        } catch (RuntimeException e) {
            LOG.warn("cannot read the findings' history for the track record: {}", e.getMessage());
            return new Read(List.of(), "The history of earlier findings in this store could not be read ("
                    + e.getMessage() + "), so no track record is shown: this says nothing about whether there were any.");
        }
        // what was raised after the report's time is not part of its history: a later check must not change the report
        raised = raised.stream().filter(r -> r.raisedMillis() <= atMillis).toList();
        if (raised.isEmpty()) {
            return new Read(List.of(), "No earlier findings are recorded for " + shownHost
                    + " yet: this is the first report from this history.");
        }
        List<TrackRecordEntry> out = new ArrayList<>();
        for (FindingState.Raised r : raised) {
            if (r.etaMillis() == null) {
                continue;
            }
            SeriesKey key;
            try {
                key = SeriesKey.parse(r.series());
            } catch (IllegalArgumentException e) {
                continue;
            }
            out.add(TrackRecords.judge(r, source.read(key, r.raisedMillis(), atMillis), atMillis));
        }
        return new Read(out.size() > MAX_ENTRIES ? List.copyOf(out.subList(out.size() - MAX_ENTRIES, out.size())) : out,
                "The store records " + raised.size() + (raised.size() == 1 ? " earlier finding" : " earlier findings")
                        + " for this host, none with a predicted date to judge.");
    }
}
