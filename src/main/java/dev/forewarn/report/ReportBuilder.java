package dev.forewarn.report;

import dev.forewarn.forecast.Projection;
import dev.forewarn.rules.Finding;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Assembles a {@link Report} from findings and the points behind them. It is handed the
 * history (it never reads a store), sizes the recommendations and hashes the points (the
 * future drawn is the projection's own simulated path, not derived here).
 */
public final class ReportBuilder {

    /** Points kept per chart: two per bucket (min and max) keeps every spike visible at print size. */
    static final int CHART_BUCKETS = 400;

    private String host = "unknown";
    private long generatedMillis = System.currentTimeMillis();
    private long atMillis = generatedMillis;
    private long sinceMillis;
    private double confidence = 0.95;
    private long runwayMillis = 90L * 86_400_000L;
    private long leadTimeMillis = 30L * 86_400_000L;
    private List<String> selectors = List.of();
    private ZoneId zone = ZoneId.systemDefault();
    private List<TrackRecordEntry> trackRecord = List.of();
    private Function<Finding, Baseline> baselines = f -> null;
    private Function<Finding, String> culprits = f -> null;
    private Report.Provenance provenance = Report.Provenance.UNKNOWN;
    private boolean demo;
    private Report.Checked checked = Report.Checked.NONE;
    private String trackRecordNote = "No earlier findings are recorded for this host.";
    private FleetSummary fleet;

    public ReportBuilder host(String v) { host = v; return this; }
    public ReportBuilder generatedMillis(long v) { generatedMillis = v; return this; }
    public ReportBuilder atMillis(long v) { atMillis = v; return this; }
    public ReportBuilder sinceMillis(long v) { sinceMillis = v; return this; }
    public ReportBuilder confidence(double v) { confidence = v; return this; }
    public ReportBuilder runwayMillis(long v) { runwayMillis = v; return this; }
    public ReportBuilder leadTimeMillis(long v) { leadTimeMillis = v; return this; }
    public ReportBuilder selectors(List<String> v) { selectors = v; return this; }
    public ReportBuilder zone(ZoneId v) { zone = v; return this; }
    public ReportBuilder trackRecord(List<TrackRecordEntry> v) { trackRecord = v; return this; }
    /** How to get predict_linear's verdict for a finding (null result: not available). */
    public ReportBuilder baselines(Function<Finding, Baseline> v) { baselines = v; return this; }

    /** What grows behind a finding (a leaking process behind falling memory), in words, or null. */
    public ReportBuilder culprits(Function<Finding, String> v) { culprits = v; return this; }

    /** What made the report (version, commit, rules' hash). */
    public ReportBuilder provenance(Report.Provenance v) { provenance = v; return this; }

    /** The data is {@code forewarn demo}'s invented history: every format says DEMO DATA on its first page. */
    public ReportBuilder demo(boolean v) { demo = v; return this; }

    /** What the report says when the track record is empty, and why it is. */
    public ReportBuilder trackRecordNote(String v) { trackRecordNote = v; return this; }

    /** The verdict as check gives it (status, pending findings, the guard's memory). */
    public ReportBuilder checked(Report.Checked v) { checked = v; return this; }

    /** The fleet summary every format draws before the verdict (fleet reports only; null: none). */
    public ReportBuilder fleet(FleetSummary v) { fleet = v; return this; }

    /** The report over these findings; {@code history} gives the points read for each series. */
    public Report build(List<Finding> findings, Function<SeriesKey, Series> history) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparingInt((Finding f) -> -f.severity().rank())
                .thenComparing(f -> f.projection().etaMillis() == null ? Long.MAX_VALUE : f.projection().etaMillis())
                .thenComparing(f -> f.projection().series()));
        List<ReportItem> items = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        TreeSet<String> collectors = new TreeSet<>();
        for (Finding f : sorted) {
            Projection p = f.projection();
            Series points = history.apply(p.series());
            String collector = collectorOf(p.series());
            collectors.add(collector);
            String sha = PointsHash.of(points);
            hashes.add(sha);
            SeriesData data = new SeriesData(p.series().toString(), collector, points.size(),
                    points.isEmpty() ? 0 : points.firstMillis(), points.isEmpty() ? 0 : points.lastMillis(), sha);
            items.add(new ReportItem(f, Thinning.minMax(points, CHART_BUCKETS),
                    Recommendations.of(asRaised(f), runwayMillis, leadTimeMillis, zone, culprits.apply(f)), baselines.apply(f), data));
        }
        return new Report(host, generatedMillis, atMillis, sinceMillis, confidence, runwayMillis, leadTimeMillis,
                selectors, items, trackRecord, List.copyOf(collectors), PointsHash.combine(hashes), zone, provenance, demo, checked, trackRecordNote, fleet);
    }

    /** A pending finding is advised on as the verdict it is about to be raised as, not as an OK. */
    private Finding asRaised(Finding f) {
        var held = checked.pending().get(Report.key(f.ruleId(), f.projection().series().toString()));
        return held == null ? f : new Finding(f.ruleId(), f.source(), held, f.message(), f.projection());
    }

    /** The chart runs a little past the late bound (or the crossing) so the crossing is visible. */
    static long chartEnd(Projection p) {
        long at = p.atMillis();
        long end = p.etaHighMillis() != null ? p.etaHighMillis() : p.etaMillis() != null ? p.etaMillis() : at;
        long history = p.fit() == null ? 0 : at - p.fit().fromMillis();
        long pad = Math.max((end - at) / 8, 86_400_000L);
        if (p.etaMillis() == null) {
            // nothing to cross: show a stretch of future as long as a quarter of the fit
            return at + Math.max(history / 4, 7L * 86_400_000L);
        }
        return end + pad;
    }

    /** The collector family of a metric: the part before the first dot. */
    static String collectorOf(SeriesKey key) {
        int dot = key.name().indexOf('.');
        return dot < 0 ? key.name() : key.name().substring(0, dot);
    }
}
