package dev.forewarn.report;

import dev.forewarn.BuildInfo;
import dev.forewarn.forecast.ForecastEngine;
import dev.forewarn.rules.Evaluation;
import dev.forewarn.rules.Finding;
import dev.forewarn.rules.FindingState;
import dev.forewarn.rules.InvalidRulesException;
import dev.forewarn.rules.Pending;
import dev.forewarn.rules.Rule;
import dev.forewarn.rules.RuleEvaluator;
import dev.forewarn.rules.RuleFileFindings;
import dev.forewarn.rules.Severity;
import dev.forewarn.series.Selector;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.series.SeriesSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Computes a report from its inputs: evaluates the rules as {@code check} does, keeps the
 * findings worth a manager's time (or those the selectors ask for), projects them at the
 * report's confidence, and adds the predict_linear baseline ({@link PredictLinearBaseline}), the
 * process behind falling memory ({@link Culprit}) and the track record ({@link TrackRecordReader}).
 * Shared by {@code report} and {@code report --verify}, so both compute exactly the same figures.
 *
 * @param host           the host the data describes, or null: the demo store's own name, else this machine's
 * @param atMillis       evaluation time, epoch milliseconds (whole seconds, as JSON keeps it)
 * @param sinceMillis    first time of history shown and hashed
 * @param confidence     interval coverage (0.95)
 * @param runwayMillis   headroom to size for
 * @param leadTimeMillis procurement lead time
 * @param selectors      series to report on; empty for every finding worse than OK or with a crossing
 * @param zone           zone for dates in text
 */
public record ReportAssembly(String host, long atMillis, long sinceMillis, double confidence, long runwayMillis,
                             long leadTimeMillis, List<Selector> selectors, ZoneId zone) {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReportAssembly.class);

    /** The report, judged with the guard's memory as the findings history holds it. */
    public Report build(ReportInputs in, long generatedMillis) {
        return build(in, generatedMillis, null);
    }

    /**
     * The report. The rules are judged exactly as {@code check} judges them (the rules' own
     * confidence, the flapping guard's memory as the last check left it, read and never
     * written), so the report's status is check's; the dates of the findings shown are then
     * projected again at the report's confidence.
     *
     * @param guardMemory the guard's memory to judge with, by {@link Report#key} (a verified report's
     *                    recorded memory), or null to read it from the findings history
     * @throws InvalidRulesException when the rule set has problems
     */
    public Report build(ReportInputs in, long generatedMillis, Map<String, FindingState.Entry> guardMemory) {
        if (!in.rules().problems().isEmpty()) {
            throw new InvalidRulesException(in.rules().problems());
        }
        SeriesSource source = in.source();
        List<Rule> rules = in.rules().rules();
        String demoHost = DemoMarker.hostOf(source);
        String shownHost = host != null ? host : demoHost != null ? demoHost : in.localHost();
        Report.Provenance made = new Report.Provenance(BuildInfo.current().version(), BuildInfo.current().commit(),
                RulesDigest.sha256(rules), in.rulesFile() == null ? null : in.rulesFile().toString());
        FindingState guard = guard(in, guardMemory);
        long t0 = System.nanoTime();
        Evaluation ev;
        try (ProgressMeter progress = in.progress().apply(rules.size())) {
            ev = new RuleEvaluator(new ForecastEngine(), zone).evaluateAsChecked(rules, source, atMillis, guard, progress::step);
        }
        List<Finding> judged = new ArrayList<>(ev.findings());
        judged.addAll(RuleFileFindings.of(in.rules(), atMillis));
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
            chosen.add(ReportConfidence.of(shown, byId.get(shown.ruleId()), source, atMillis, confidence));
            FindingState.Entry e = guard == null ? FindingState.Entry.NONE : guard.get(shown.ruleId(), shown.projection().series().toString());
            if (!e.equals(FindingState.Entry.NONE)) {
                memory.put(key, e);
            }
        }
        LOG.info("evaluated {} rules into {} findings in {} ms", rules.size(), ev.findings().size(), (System.nanoTime() - t0) / 1_000_000);
        Function<SeriesKey, Series> history = oneAtATime(source);
        LOG.info("read the history of {} findings one at a time, as the report reaches each", chosen.size());
        List<String> sel = selectors.stream().map(Selector::toString).toList();
        TrackRecordReader.Read track = TrackRecordReader.read(in.findings(), source, shownHost, atMillis);
        return new ReportBuilder().host(shownHost).provenance(made).demo(demoHost != null)
                .checked(new Report.Checked(status, pending, memory, Learning.of(ev.findings()))).trackRecord(track.entries()).trackRecordNote(track.note())
                .generatedMillis(generatedMillis).atMillis(atMillis).sinceMillis(sinceMillis)
                .confidence(confidence).runwayMillis(runwayMillis).leadTimeMillis(leadTimeMillis).selectors(sel).zone(zone)
                .baselines(f -> PredictLinearBaseline.of(f, history.apply(f.projection().series()), atMillis))
                .culprits(f -> Culprit.of(f, source, atMillis, zone))
                .build(chosen, history);
    }

    /**
     * Each finding's history, read when the builder reaches it and dropped after (the builder
     * keeps a thinned copy): a thousand findings' full histories do not fit the heap.
     */
    private Function<SeriesKey, Series> oneAtATime(SeriesSource source) {
        return new Function<>() {
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
    }

    /** The guard's memory: the recorded one, else the findings history's (read only), else none. */
    private static FindingState guard(ReportInputs in, Map<String, FindingState.Entry> recorded) {
        if (recorded != null) {
            return new RecordedGuard(recorded);
        }
        if (in.findings() != null) {
            try {
                return in.findings().get();
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
}
