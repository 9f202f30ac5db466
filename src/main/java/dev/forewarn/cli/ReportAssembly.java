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
import dev.forewarn.rules.Evaluation;
import dev.forewarn.rules.Finding;
import dev.forewarn.rules.Pending;
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
import java.util.function.Function;

/**
 * Computes a report from a series source: evaluates the rules at the report's confidence,
 * keeps the findings worth a manager's time (or those the selectors ask for), reads their
 * history, and adds what predict_linear says. Shared by {@code report} and
 * {@code report --verify}, so both compute exactly the same figures.
 *
 * @param host           the host the data describes, or null: the demo store's own name, else this machine's
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
        return build(source, generatedMillis, null);
    }

    /**
     * The report. The rules are judged exactly as {@code check} judges them (the rules' own
     * confidence, the flapping guard's memory as the last check left it, read and never
     * written), so the report's status is check's; the dates of the findings shown are then
     * projected again at the report's confidence.
     *
     * @param guardMemory the guard's memory to judge with, by {@link Report#key} (a verified report's
     *                    recorded memory), or null to read it from the store
     */
    Report build(SeriesSource source, long generatedMillis, Map<String, FindingState.Entry> guardMemory) {
        RuleSet set = RuleSet.load(true, RuleSet.standardDirs(System.getenv()), rulesFile);
        if (!set.problems().isEmpty()) {
            throw new UserException("the rules have problems, first: " + set.problems().get(0)
                    + " (run 'forewarn rules validate' to see them all)");
        }
        List<Rule> rules = set.rules();
        String demoHost = DemoHistory.hostOf(source);
        String shownHost = host != null ? host : demoHost != null ? demoHost : ReportCommand.localHost();
        Report.Provenance made = new Report.Provenance(dev.forewarn.BuildInfo.current().version(), dev.forewarn.BuildInfo.current().commit(), rulesSha256(rules),
                rulesFile == null ? null : rulesFile.toString());
        FindingState guard = guard(source, guardMemory);
        long t0 = System.nanoTime();
        Evaluation ev;
        try (Progress progress = Progress.start("report", rules.size())) {
            ev = new RuleEvaluator(new ForecastEngine(), zone).evaluateAsChecked(rules, source, atMillis, guard, progress::step);
        }
        List<Finding> judged = new ArrayList<>(ev.findings());
        judged.addAll(RuleFileFindings.of(set, atMillis));
        Severity status = new Evaluation(atMillis, judged, List.of()).status();
        Map<String, Severity> pending = new HashMap<>();
        for (Pending p : ev.pending()) {
            pending.put(Report.key(p.finding().ruleId(), p.finding().projection().series().toString()), p.severity());
        }
        Map<String, Rule> byId = new HashMap<>();
        rules.forEach(r -> byId.put(r.id(), r));
        List<Finding> chosen = new ArrayList<>();
        Map<String, FindingState.Entry> memory = new HashMap<>();
        for (Finding shown : ev.findings()) {
            String key = Report.key(shown.ruleId(), shown.projection().series().toString());
            boolean keep = selectors.isEmpty()
                    ? shown.severity() != Severity.OK || shown.projection().hasEta() || pending.containsKey(key)
                    : selected(shown.projection().series());
            if (!keep) {
                continue;
            }
            chosen.add(atReportConfidence(shown, byId.get(shown.ruleId()), source));
            FindingState.Entry e = guard == null ? FindingState.Entry.NONE : guard.get(shown.ruleId(), shown.projection().series().toString());
            if (!e.equals(FindingState.Entry.NONE)) {
                memory.put(key, e);
            }
        }
        LOG.info("evaluated {} rules into {} findings in {} ms", rules.size(), ev.findings().size(), (System.nanoTime() - t0) / 1_000_000);
        // Each finding's history is read when the builder reaches it and dropped after (the
        // builder keeps a thinned copy): a thousand findings' full histories do not fit the heap.
        Function<SeriesKey, Series> history = new Function<>() {
            private SeriesKey lastKey;
            private Series last;

            @Override
            public Series apply(SeriesKey k) {
                if (!k.equals(lastKey)) {
                    last = source.read(k, sinceMillis, atMillis);
                    lastKey = k;
                }
                return last;
            }
        };
        LOG.info("read the history of {} findings one at a time, as the report reaches each", chosen.size());
        List<String> sel = selectors.stream().map(Selector::toString).toList();
        TrackRecordRead track = trackRecord(source, shownHost);
        return new ReportBuilder().host(shownHost).provenance(made).demo(demoHost != null)
                .checked(new Report.Checked(status, pending, memory)).trackRecord(track.entries()).trackRecordNote(track.note())
                .generatedMillis(generatedMillis).atMillis(atMillis).sinceMillis(sinceMillis)
                .confidence(confidence).runwayMillis(runwayMillis).leadTimeMillis(leadTimeMillis).selectors(sel).zone(zone)
                .baselines(f -> baseline(f, history.apply(f.projection().series())))
                .culprits(f -> culprit(f, source))
                .build(chosen, history);
    }

    /** The guard's memory: the recorded one, else the store's (read only), else none. */
    private static FindingState guard(SeriesSource source, Map<String, FindingState.Entry> recorded) {
        if (recorded != null) {
            return new FindingState() {
                @Override
                public Entry get(String ruleId, String series) {
                    return recorded.getOrDefault(Report.key(ruleId, series), Entry.NONE);
                }

                @Override
                public void put(String ruleId, String series, Entry entry) {
                    throw new UnsupportedOperationException("a report never changes the guard's memory");
                }

                @Override
                public void keep(Raised raised) {
                    throw new UnsupportedOperationException("a report never changes the guard's memory");
                }

                @Override
                public void resolved(String ruleId, String series, long atMillis) {
                    throw new UnsupportedOperationException("a report never changes the guard's memory");
                }

                @Override
                public List<Raised> history() {
                    return List.of();
                }
            };
        }
        if (source instanceof SampleStore store) {
            try {
                return StoreFindingState.load(store);
            } catch (RuntimeException e) {
                LOG.warn("cannot read the flapping guard's memory: verdicts are judged as raw: {}", e.getMessage());
            }
        }
        return null;
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
     * The finding with its dates projected at the report's confidence (95 % where check uses the
     * rule's 80 %), its verdict and message kept as check gave them. A finding judged on the present
     * value carries no date, or one the evaluator's cheap screen passed as OK because the crossing
     * is months away: a purchase is planned months ahead, so the rule's own threshold is projected
     * with the full forecast (to the one-year horizon) and kept when it gives a date.
     */
    Finding atReportConfidence(Finding f, Rule rule, SeriesSource source) {
        if (rule == null || rule.threshold() == null || rule.direction() == null || rule.rateWindowMillis() > 0) {
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
        boolean forecast = f.projection().fit() != null || f.projection().hasEta();
        return p.hasEta() || forecast ? new Finding(f.ruleId(), f.source(), f.severity(), f.message(), p) : f;
    }

    /** How many earlier findings the track record shows, newest kept. */
    static final int TRACK_RECORD_MAX = 25;

    /**
     * The track record and what to say when it is empty.
     *
     * @param entries earlier findings with what became of them
     * @param note    why there are none, when there are none
     */
    record TrackRecordRead(List<TrackRecordEntry> entries, String note) {
    }

    /**
     * Earlier findings kept in the store with what became of them. "The first report from this
     * history" only when the history was read and holds nothing; a history that cannot be read
     * says so rather than pass for an empty one.
     */
    TrackRecordRead trackRecord(SeriesSource source, String shownHost) {
        if (!(source instanceof SampleStore store)) {
            return new TrackRecordRead(List.of(), "This data source keeps no history of findings, so there is no track record to show.");
        }
        List<FindingState.Raised> raised;
        try {
            raised = StoreFindingState.load(store).history();
        } catch (RuntimeException e) {
            LOG.warn("cannot read the findings' history for the track record: {}", e.getMessage());
            return new TrackRecordRead(List.of(), "The history of earlier findings in this store could not be read ("
                    + e.getMessage() + "), so no track record is shown: this says nothing about whether there were any.");
        }
        // what was raised after the report's time is not part of its history: a later check must not change the report
        raised = raised.stream().filter(r -> r.raisedMillis() <= atMillis).toList();
        if (raised.isEmpty()) {
            return new TrackRecordRead(List.of(), "No earlier findings are recorded for " + shownHost
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
        return new TrackRecordRead(out.size() > TRACK_RECORD_MAX ? List.copyOf(out.subList(out.size() - TRACK_RECORD_MAX, out.size())) : out,
                "The store records " + raised.size() + (raised.size() == 1 ? " earlier finding" : " earlier findings")
                        + " for this host, none with a predicted date to judge.");
    }

    /** SHA-256 over the rules in force, one line of each rule's full definition (its source included), in load order. */
    static String rulesSha256(List<Rule> rules) {
        StringBuilder b = new StringBuilder();
        for (Rule r : rules) {
            b.append(r).append('\n');
        }
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
