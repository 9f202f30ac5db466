package dev.forewarn.cli;

import dev.forewarn.forecast.Direction;
import dev.forewarn.forecast.ForecastEngine;
import dev.forewarn.forecast.PredictLinear;
import dev.forewarn.report.Baseline;
import dev.forewarn.report.Report;
import dev.forewarn.report.ReportBuilder;
import dev.forewarn.report.TrackRecordEntry;
import dev.forewarn.report.TrackRecords;
import dev.forewarn.rules.FindingState;
import dev.forewarn.store.SampleStore;
import dev.forewarn.store.StoreFindingState;
import dev.forewarn.rules.Finding;
import dev.forewarn.rules.Rule;
import dev.forewarn.rules.RuleEvaluator;
import dev.forewarn.rules.RuleSet;
import dev.forewarn.rules.Severity;
import dev.forewarn.series.Selector;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.series.SeriesSource;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes a report from a series source: evaluates the rules at the report's confidence,
 * keeps the findings worth a manager's time (or those the selectors ask for), reads their
 * history, and adds what predict_linear says. Shared by {@code report} and
 * {@code report --verify}, so both compute exactly the same figures.
 *
 * @param host           the host the data describes
 * @param atMillis       evaluation time, epoch milliseconds (whole seconds, as JSON keeps it)
 * @param sinceMillis    first time of history shown and hashed
 * @param confidence     interval coverage (0.95)
 * @param runwayMillis   headroom to size for
 * @param leadTimeMillis procurement lead time
 * @param selectors      series to report on; empty for every finding worse than OK or with a crossing
 * @param rulesFile      an extra rules file, or null
 * @param zone           zone for dates in text
 */
record ReportAssembly(String host, long atMillis, long sinceMillis, double confidence, long runwayMillis,
                      long leadTimeMillis, List<Selector> selectors, Path rulesFile, ZoneId zone) {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReportAssembly.class);

    /** predict_linear's range in the node-mixin alert NodeFilesystemSpaceFillingUp. */
    static final long BASELINE_WINDOW_MILLIS = PredictLinear.WARNING.windowMillis();

    Report build(SeriesSource source, long generatedMillis) {
        RuleSet set = RuleSet.load(true, RuleSet.standardDirs(System.getenv()), rulesFile);
        if (!set.problems().isEmpty()) {
            throw new UserException("the rules have problems, first: " + set.problems().get(0)
                    + " (run 'forewarn rules validate' to see them all)");
        }
        List<Rule> rules = new ArrayList<>();
        for (Rule r : set.rules()) {
            rules.add(withConfidence(r, confidence));
        }
        long t0 = System.nanoTime();
        List<Finding> all;
        try (Progress progress = Progress.start("report", rules.size())) {
            all = new RuleEvaluator(new ForecastEngine(), zone).evaluate(rules, source, atMillis, true, null, progress::step).findings();
        }
        Map<String, Rule> byId = new HashMap<>();
        rules.forEach(r -> byId.put(r.id(), r));
        List<Finding> chosen = new ArrayList<>();
        for (Finding raw : all) {
            Finding f = withDate(raw, byId.get(raw.ruleId()), source);
            if (selectors.isEmpty() ? f.severity() != Severity.OK || f.projection().hasEta() : selected(f.projection().series())) {
                chosen.add(f);
            }
        }
        LOG.info("evaluated {} rules into {} findings in {} ms", rules.size(), all.size(), (System.nanoTime() - t0) / 1_000_000);
        t0 = System.nanoTime();
        Map<SeriesKey, Series> history = new HashMap<>();
        for (Finding f : chosen) {
            history.computeIfAbsent(f.projection().series(), k -> source.read(k, sinceMillis, atMillis));
        }
        LOG.info("read the history of {} findings in {} ms", chosen.size(), (System.nanoTime() - t0) / 1_000_000);
        List<String> sel = selectors.stream().map(Selector::toString).toList();
        return new ReportBuilder().host(host).trackRecord(trackRecord(source)).generatedMillis(generatedMillis).atMillis(atMillis).sinceMillis(sinceMillis)
                .confidence(confidence).runwayMillis(runwayMillis).leadTimeMillis(leadTimeMillis).selectors(sel).zone(zone)
                .baselines(f -> baseline(f, history.get(f.projection().series())))
                .culprits(f -> culprit(f, source))
                .build(chosen, history::get);
    }

    private boolean selected(SeriesKey key) {
        for (Selector s : selectors) {
            if (s.matches(key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * predict_linear over the node-mixin's 6-hour range, solved for the threshold: when its
     * straight line meets the threshold, within the engine's horizon.
     */
    Baseline baseline(Finding f, Series s) {
        var p = f.projection();
        // predict_linear answers "when does it reach the limit"; a count judged on its growth has no such question
        if (s == null || s.isEmpty() || p.series().isCounter() || Double.isNaN(p.threshold()) || p.series().name().startsWith("smart.")) {
            return null;
        }
        double now = PredictLinear.predict(s, atMillis, BASELINE_WINDOW_MILLIS, 0);
        double day = PredictLinear.predict(s, atMillis, BASELINE_WINDOW_MILLIS, 86_400);
        String method = "predict_linear over the last 6 hours (as in node-mixin's NodeFilesystemSpaceFillingUp)";
        if (Double.isNaN(now) || Double.isNaN(day)) {
            return new Baseline(method, null, null);
        }
        double slope = day - now;
        double gap = p.threshold() - now;
        boolean toward = p.direction() == Direction.DOWN ? slope < 0 : slope > 0;
        if (gap == 0 || (p.direction() == Direction.DOWN ? gap > 0 : gap < 0)) {
            return new Baseline(method, atMillis, null);
        }
        if (!toward) {
            return new Baseline(method, null, null);
        }
        double days = gap / slope;
        long eta = atMillis + Math.round(days * 86_400_000.0);
        return new Baseline(method, days * 86_400_000.0 > dev.forewarn.forecast.ForecastRequest.DEFAULT_HORIZON_MILLIS ? null : eta, null);
    }

    /**
     * The process behind falling memory: the {@code proc.rss_bytes} series that grew most over
     * the memory fit's window, when it accounts for at least half of the decline.
     */
    String culprit(Finding f, SeriesSource source) {
        var p = f.projection();
        if (!p.series().name().equals("mem.available_bytes") || p.fit() == null || !p.hasEta()) {
            return null;
        }
        long from = Math.max(p.fit().fromMillis(), atMillis - 60L * 86_400_000L);
        double decline = Math.abs(p.fit().slopePerDay()) * (atMillis - from) / 86_400_000.0;
        SeriesKey best = null;
        double bestGrowth = 0;
        double first = 0;
        double last = 0;
        long firstMillis = 0;
        for (SeriesKey k : source.find(Selector.of("proc.rss_bytes"))) {
            Series s = source.read(k, from, atMillis);
            if (s.size() < 2 || atMillis - s.lastMillis() > 86_400_000L) {
                continue;
            }
            double a = s.value(0);
            double b = s.lastValue();
            if (Double.isFinite(a) && Double.isFinite(b) && b - a > bestGrowth) {
                best = k;
                bestGrowth = b - a;
                first = a;
                last = b;
                firstMillis = s.firstMillis();
            }
        }
        if (best == null || bestGrowth < 0.5 * decline) {
            return null;
        }
        String name = best.label("name") == null ? best.toString() : best.label("name");
        String pid = best.label("pid") == null ? "" : " (pid " + best.label("pid") + ")";
        dev.forewarn.series.Units u = dev.forewarn.series.Units.BYTES;
        return name + pid + ", which grew from " + u.format(first) + " to " + u.format(last) + " since "
                + dev.forewarn.report.ReportText.day(firstMillis, zone) + ",";
    }

    /**
     * A finding judged on the present value carries no date: one raised because the value is
     * already below the warning level, or one that the evaluator's cheap screen passed as OK
     * because the crossing is months away. A purchase is planned months ahead, so the report
     * projects the rule's own threshold with the full forecast (to the one-year horizon) and
     * keeps the finding's verdict with the dated projection.
     */
    Finding withDate(Finding f, Rule rule, SeriesSource source) {
        if (f.projection().hasEta() || rule == null || rule.threshold() == null
                || rule.direction() == null || rule.rateWindowMillis() > 0) {
            return f;
        }
        SeriesKey key = f.projection().series();
        double threshold = rule.threshold().value();
        if (rule.threshold().relative()) {
            Series c = source.read(key.withName(rule.threshold().companion()), atMillis - 86_400_000L, atMillis);
            if (c.isEmpty() || !(c.lastValue() > 0)) {
                return f;
            }
            threshold = rule.threshold().resolve(c.lastValue());
        }
        // The engine's history span, as check, forecast and top read it: one series, one answer.
        var p = new ForecastEngine().project(source.read(key, atMillis - ForecastEngine.HISTORY_MILLIS, atMillis),
                new dev.forewarn.forecast.ForecastRequest(threshold, rule.direction(), atMillis, confidence,
                        dev.forewarn.forecast.ForecastRequest.DEFAULT_HORIZON_MILLIS));
        return p.hasEta() ? new Finding(f.ruleId(), f.source(), f.severity(), f.message(), p) : f;
    }

    /** How many earlier findings the track record shows, newest kept. */
    static final int TRACK_RECORD_MAX = 25;

    /** Earlier findings kept in the store with what became of them; empty for a source that keeps none. */
    List<TrackRecordEntry> trackRecord(SeriesSource source) {
        if (!(source instanceof SampleStore store)) {
            return List.of();
        }
        List<FindingState.Raised> raised;
        try {
            raised = StoreFindingState.load(store).history();
        } catch (RuntimeException e) {
            LOG.warn("cannot read the findings' history for the track record: {}", e.getMessage());
            return List.of();
        }
        List<TrackRecordEntry> out = new ArrayList<>();
        for (FindingState.Raised r : raised) {
            if (r.raisedMillis() > atMillis || r.etaMillis() == null) {
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
        return out.size() > TRACK_RECORD_MAX ? List.copyOf(out.subList(out.size() - TRACK_RECORD_MAX, out.size())) : out;
    }

    static Rule withConfidence(Rule r, double confidence) {
        return new Rule(r.id(), r.description(), r.selector(), r.exclude(), r.direction(), r.threshold(), r.warningMillis(),
                r.criticalMillis(), r.nowWarning(), r.nowCritical(), r.growth(), r.evidence(), r.hold(), r.rateWindowMillis(),
                r.windowMillis(), confidence, r.message(), r.enabled(), r.source());
    }
}
