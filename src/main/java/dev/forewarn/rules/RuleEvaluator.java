package dev.forewarn.rules;

import dev.forewarn.forecast.BacktestSummary;
import dev.forewarn.forecast.Direction;
import dev.forewarn.forecast.ForecastEngine;
import dev.forewarn.forecast.ForecastRequest;
import dev.forewarn.forecast.Forecaster;
import dev.forewarn.forecast.Projection;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.series.SeriesSource;
import dev.forewarn.series.Times;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges rules against the series of a {@link SeriesSource} at one instant: present-value levels,
 * "non-zero and growing" counts, and the projected crossing of the rule's threshold (through the
 * {@link Forecaster}), the worst of which is the verdict. With a {@link FindingState} it applies
 * the flapping guard and notices resolved findings (see {@link FlappingGuard}).
 */
public final class RuleEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(RuleEvaluator.class);
    /** A series whose last point is older than this is gone (unmounted, unplugged): not judged. */
    static final long STALE_MILLIS = 86_400_000L;
    /**
     * History read first for present values, growth and the trend screen: eight days, so a weekly
     * step toward the threshold is in view; the engine's whole history only when a forecast is needed.
     */
    static final long SCREEN_MILLIS = 8L * 86_400_000L;
    /** A companion's present value is looked for this far back first (cheap), then up to {@link #STALE_MILLIS}. */
    private static final long COMPANION_RECENT_MILLIS = 3_600_000L;

    private final Forecaster forecaster;
    private final ZoneId zone;

    /**
     * @param forecaster projects trends
     * @param zone       the zone dates in messages are written in
     */
    public RuleEvaluator(Forecaster forecaster, ZoneId zone) {
        this.forecaster = forecaster;
        this.zone = zone;
    }

    /**
     * Evaluates every rule on every series it matches.
     *
     * @param trends false to judge present values and growth only (a first run without history)
     * @param state  the guard's memory, or null to raise every verdict at once and remember nothing
     */
    public Evaluation evaluate(List<Rule> rules, SeriesSource source, long atMillis, boolean trends, FindingState state) {
        return evaluate(rules, source, atMillis, trends, state, () -> { });
    }

    /**
     * As {@link #evaluate(List, SeriesSource, long, boolean, FindingState)}, calling
     * {@code afterEachRule} once a rule has been judged on all its series, so a caller can show
     * progress over {@code rules.size()} steps.
     */
    public Evaluation evaluate(List<Rule> rules, SeriesSource source, long atMillis, boolean trends, FindingState state,
                               Runnable afterEachRule) {
        return evaluate(rules, source, atMillis, trends, state, false, afterEachRule);
    }

    /**
     * As {@link #evaluate(List, SeriesSource, long, boolean, FindingState, Runnable)}, but reading
     * the guard's memory without changing it: each verdict as {@code check} shows it, given the
     * memory the last check left (see {@link FlappingGuard#standing}). For reports, so that a
     * report and {@code check} on the same store give the same verdict.
     */
    public Evaluation evaluateAsChecked(List<Rule> rules, SeriesSource source, long atMillis, FindingState state,
                                        Runnable afterEachRule) {
        return evaluate(rules, source, atMillis, true, state, true, afterEachRule);
    }

    private Evaluation evaluate(List<Rule> rules, SeriesSource source, long atMillis, boolean trends, FindingState state,
                                boolean readOnly, Runnable afterEachRule) {
        List<Finding> out = new ArrayList<>();
        List<Finding> resolved = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        Map<SeriesKey, Double> companions = new HashMap<>();
        for (Rule rule : rules) {
            List<SeriesKey> stale = new ArrayList<>();
            for (Finding raw : judge(rule, source, atMillis, trends, companions, stale)) {
                if (state == null) {
                    out.add(raw);
                } else {
                    FlappingGuard.Outcome o = readOnly
                            ? FlappingGuard.standing(rule, raw, state.get(rule.id(), raw.projection().series().toString()), atMillis)
                            : FlappingGuard.apply(rule, raw, state, atMillis);
                    out.add(o.finding());
                    if (o.resolved() != null) {
                        resolved.add(o.resolved());
                    }
                    if (o.pending() != null) {
                        pending.add(o.pending());
                    }
                }
            }
            if (state != null) {
                out.addAll(staleRaised(rule, source, atMillis, state, stale));
            }
            afterEachRule.run();
        }
        return new Evaluation(atMillis, out, resolved, pending);
    }

    /** The raw verdicts of one rule on each series it matches now, without any guard. */
    public List<Finding> judge(Rule rule, SeriesSource source, long atMillis, boolean trends) {
        return judge(rule, source, atMillis, trends, new HashMap<>(), new ArrayList<>());
    }

    /**
     * How long after its last point a series whose WARNING or CRITICAL stands is still reported
     * (as UNKNOWN, stale) rather than left out: 7 days, so a filesystem unmounted for good stops
     * alerting after a week of saying so, while a finding never vanishes unannounced.
     */
    static final long STALE_REPORT_MILLIS = 7 * 86_400_000L;

    /**
     * UNKNOWN findings for the series of this rule that went stale while a WARNING or CRITICAL
     * was standing on them: not resolved (nothing says the problem went away), not dropped.
     * Their guard memory is left as it is, so the finding stands again when points come back.
     */
    private List<Finding> staleRaised(Rule rule, SeriesSource source, long atMillis, FindingState state, List<SeriesKey> stale) {
        List<Finding> out = new ArrayList<>();
        for (SeriesKey key : stale) {
            FindingState.Entry e = state.get(rule.id(), key.toString());
            if ((e.raised() != Severity.WARNING && e.raised() != Severity.CRITICAL) || atMillis < e.updatedMillis()) {
                continue;
            }
            Series recent = source.read(key, atMillis - STALE_REPORT_MILLIS, atMillis);
            if (recent.isEmpty()) {
                continue;
            }
            String msg = MessageTemplate.subject(key) + ": no point since " + Times.local(recent.lastMillis(), java.time.ZoneId.systemDefault()) + ", so " + rule.id()
                    + " cannot judge it; its " + e.raised().name() + " (raised " + Times.local(e.raisedMillis(), java.time.ZoneId.systemDefault())
                    + ") is not known to be over: is it still sampled?";
            out.add(new Finding(rule.id(), rule.source(), Severity.UNKNOWN, msg,
                    present(key, atMillis, null, Double.NaN, rule, "stale: no point within " + Times.human(Duration.ofMillis(STALE_MILLIS)))));
        }
        return out;
    }

    private List<Finding> judge(Rule rule, SeriesSource source, long atMillis, boolean trends, Map<SeriesKey, Double> companions,
                                List<SeriesKey> stale) {
        List<Finding> out = new ArrayList<>();
        long shortSpan = Math.max(SCREEN_MILLIS, Math.max(rule.growth() == null ? 0 : rule.growth().withinMillis(), rule.rateWindowMillis() * 2));
        // The forecast reads what every command reads for it, so check, forecast, report and top agree.
        long fullSpan = Math.max(shortSpan, ForecastEngine.HISTORY_MILLIS);
        for (SeriesKey key : source.find(rule.selector())) {
            if (!rule.matches(key)) {
                continue;
            }
            try {
                Series raw = source.read(key, atMillis - shortSpan, atMillis);
                if (raw.isEmpty() || atMillis - raw.lastMillis() > STALE_MILLIS) {
                    stale.add(key);
                    continue;
                }
                Supplier<Series> full = fullSpan > shortSpan ? () -> source.read(key, atMillis - fullSpan, atMillis) : () -> raw;
                Verdict v = verdict(rule, raw, full, source, atMillis, trends, companions);
                if (v != null) {
                    // The rule's template words a problem ("/var fills in 9 days"); an OK verdict is worded plainly.
                    String msg = v.severity() == Severity.OK ? MessageTemplate.subject(key) + " " + v.when()
                            : MessageTemplate.render(rule.message(), rule.id(), key, v.when(),
                            v.projection().value(), v.projection().thresholdShown());
                    out.add(new Finding(rule.id(), rule.source(), v.severity(), msg, v.projection()));
                }
            } catch (RuntimeException e) {
                LOG.warn("rule {} on {}: {}", rule.id(), key, e.toString());
                LOG.debug("rule failure", e);
                Projection p = present(key, atMillis, null, Double.NaN, rule, "evaluation failed: " + e.getMessage());
                out.add(new Finding(rule.id(), rule.source(), Severity.UNKNOWN,
                        rule.id() + " on " + key + ": cannot judge (" + e.getMessage() + ")", p));
            }
        }
        return out;
    }

    private Verdict verdict(Rule rule, Series raw, Supplier<Series> fullRaw, SeriesSource source, long at, boolean trends,
                            Map<SeriesKey, Double> companions) {
        Series s = rule.rateWindowMillis() > 0 ? CounterRate.perSecond(raw, rule.rateWindowMillis()) : raw;
        Double value = lastFinite(s);
        if (value == null) {
            return null;
        }
        Direction dir = rule.direction();
        List<Verdict> verdicts = new ArrayList<>();
        // Present-value levels: the worst one crossed decides.
        Double crit = level(rule.nowCritical(), s.key(), source, at, companions);
        Double warn = level(rule.nowWarning(), s.key(), source, at, companions);
        if (crit != null && beyond(value, crit, dir)) {
            verdicts.add(new Verdict(Severity.CRITICAL, nowPhrase(s.key(), value, crit, rule.nowCritical(), dir),
                    present(s.key(), at, value, crit, rule.nowCritical(), rule, "past the critical level " + rule.nowCritical())));
        } else if (warn != null && beyond(value, warn, dir)) {
            verdicts.add(new Verdict(Severity.WARNING, nowPhrase(s.key(), value, warn, rule.nowWarning(), dir),
                    present(s.key(), at, value, warn, rule.nowWarning(), rule, "past the warning level " + rule.nowWarning())));
        }
        if (rule.growth() != null) {
            Verdict g = growth(rule, raw, at);
            if (g != null) {
                verdicts.add(g);
            }
        }
        Double thr = level(rule.threshold(), s.key(), source, at, companions);
        Verdict trend = null;
        if (thr != null && (rule.warningMillis() > 0 || rule.criticalMillis() > 0)) {
            Supplier<Series> full = rule.rateWindowMillis() > 0
                    ? () -> CounterRate.perSecond(fullRaw.get(), rule.rateWindowMillis()) : fullRaw;
            trend = trend(rule, s, full, value, thr, at, trends);
            verdicts.add(trend);
        }
        if (verdicts.isEmpty()) {
            if (crit == null && warn == null && thr == null && rule.growth() == null) {
                return null; // every level needs a companion this series lacks (no swap, no size): nothing to judge
            }
            Double shown = crit != null ? crit : warn;
            Threshold shownLevel = crit != null ? rule.nowCritical() : rule.nowWarning();
            return new Verdict(Severity.OK, "is fine: " + MessageTemplate.formatValue(s.key().name(), value)
                    + (shown != null ? "; " + (crit != null ? "critical " : "warning ") + (dir == Direction.DOWN ? "below " : "above ")
                    + shownLevel.shown(s.key().name(), shown) : ""),
                    present(s.key(), at, value, shown == null ? Double.NaN : shown, shown == null ? null : shownLevel, rule,
                            "present value within limits"));
        }
        Verdict worst = verdicts.get(0);
        for (Verdict v : verdicts) {
            if (v.severity().rank() > worst.severity().rank()) {
                worst = v;
            }
        }
        if (worst != trend && trend != null && trend.projection().hasEta()) {
            // A present level decided, but the projected crossing is still the evidence a reader wants.
            return new Verdict(worst.severity(), worst.when() + "; the trend " + (trend.severity() == Severity.OK ? ""
                    : "reaches " + rule.threshold().shown(s.key().name(), thr) + " ") + trend.when(), trend.projection());
        }
        return worst;
    }

    private Verdict trend(Rule rule, Series recent, Supplier<Series> fullSeries, double value, double thr, long at, boolean trends) {
        Direction dir = rule.direction();
        SeriesKey key = recent.key();
        if (beyond(value, thr, dir)) {
            return new Verdict(Severity.CRITICAL, "— reached: " + MessageTemplate.formatValue(key.name(), value)
                    + " now, the limit is " + rule.threshold().shown(key.name(), thr),
                    present(key, at, value, thr, rule.threshold(), rule, "the threshold " + rule.threshold().shown(key.name(), thr) + " is already reached"));
        }
        Rule.Evidence ev = rule.evidence();
        Series s = recent;
        if (!enough(s, ev)) {
            s = fullSeries.get();
        }
        if (!trends || !enough(s, ev)) {
            String need = "a trend verdict needs " + Times.human(Duration.ofMillis(ev.spanMillis())) + " and " + ev.samples()
                    + " samples of history, have " + Times.human(Duration.ofMillis(s.spanMillis())) + " and " + s.size();
            long step = s.size() >= 2 ? s.spanMillis() / (s.size() - 1) : 300_000L;
            long more = Math.max(Math.max(0, ev.spanMillis() - s.spanMillis()), Math.max(0, ev.samples() - s.size()) * step);
            Projection p = new Projection(key, at, value, thr, rule.direction(), null, null, null, rule.confidence(),
                    "learning", "learning: " + need, null, BacktestSummary.none(), null, Projection.LEARNING,
                    more > 0 ? Math.max(1, (more + 999) / 1000) : null, null, rule.threshold().shown(key.name(), thr));
            return new Verdict(Severity.OK, "is learning: no trend verdict yet (" + need + ")", p);
        }
        long horizon = Math.max(rule.warningMillis(), rule.criticalMillis());
        double fastest = TrendScreen.fastestApproachPerMilli(recent, dir);
        double distance = Math.abs(thr - value);
        // Noise and the daily swing alone can touch a threshold that lies within the series' own recent range.
        boolean withinSwing = distance <= TrendScreen.swing(recent);
        if (!withinSwing && (fastest <= 0 || distance / fastest > TrendScreen.MARGIN * horizon)) {
            String why = fastest <= 0 ? "no day of the last " + Times.human(Duration.ofMillis(SCREEN_MILLIS)) + " moved toward it"
                    : "even at the fastest daily pace of the last " + Times.human(Duration.ofMillis(SCREEN_MILLIS)) + " it would take "
                    + Times.human(Duration.ofMillis((long) Math.min(Long.MAX_VALUE / 2.0, distance / fastest)));
            return new Verdict(Severity.OK, "is not projected to reach " + rule.threshold().shown(key.name(), thr)
                    + " within " + Times.human(Duration.ofMillis(horizon)) + " (" + why + ")",
                    present(key, at, value, thr, rule.threshold(), rule, "screened without a full forecast: " + why));
        }
        if (s == recent) {
            s = fullSeries.get();
        }
        Projection p = forecaster.project(s, new ForecastRequest(thr, dir, at, rule.confidence(), ForecastRequest.DEFAULT_HORIZON_MILLIS))
                .withThresholdText(rule.threshold().shown(key.name(), thr));
        if (p.learning()) {
            return new Verdict(Severity.OK, "is learning: no trend verdict yet (" + p.reason() + ")", p);
        }
        if (!p.hasEta()) {
            return new Verdict(Severity.OK, "is not projected to reach " + rule.threshold().shown(s.key().name(), thr)
                    + " within a year" + (p.reason() == null ? "" : " (" + p.reason() + ")"), p);
        }
        long dt = p.etaMillis() - at;
        Severity sev = rule.criticalMillis() > 0 && dt <= rule.criticalMillis() ? Severity.CRITICAL
                : rule.warningMillis() > 0 && dt <= rule.warningMillis() ? Severity.WARNING : Severity.OK;
        // the limit as the rule wrote it, inside the date's parenthesis: "(Sat 14 Mar 2026, 80 %: 9–18 Mar; limit 100 GiB)"
        String shown = rule.threshold().shown(key.name(), thr);
        String when = WhenText.eta(p, zone);
        String phrase = when.substring(0, when.length() - 1) + "; limit " + shown + ")";
        // An OK verdict is worded without the rule's template, so it brings its verb: "/var (fs.avail_bytes) reaches 0 B in 40 days (...)".
        return new Verdict(sev, sev == Severity.OK ? "reaches " + shown + " " + phrase : phrase, p);
    }

    private static boolean enough(Series s, Rule.Evidence ev) {
        return s.size() >= ev.samples() && s.spanMillis() >= ev.spanMillis();
    }

    private Verdict growth(Rule rule, Series raw, long at) {
        Series recent = raw.between(at - rule.growth().withinMillis(), at);
        Double first = firstFinite(recent);
        Double last = lastFinite(recent);
        if (first == null || last == null || !(last > first) || !(last > 0)) {
            return null;
        }
        String name = raw.key().name();
        String phrase = "grew from " + MessageTemplate.formatValue(name, first) + " to " + MessageTemplate.formatValue(name, last)
                + " in the last " + Times.human(Duration.ofMillis(rule.growth().withinMillis()));
        return new Verdict(rule.growth().severity(), phrase,
                present(raw.key(), at, last, first, rule, "a non-zero count that grew within "
                        + Times.human(Duration.ofMillis(rule.growth().withinMillis()))));
    }

    /**
     * The rule's present-value levels for a series, resolved against its companions: {warning, critical},
     * each null when the rule has none or its companion is missing (for Nagios perfdata).
     */
    public Double[] presentLevels(Rule rule, SeriesKey key, SeriesSource source, long atMillis) {
        Map<SeriesKey, Double> cache = new HashMap<>();
        return new Double[] {level(rule.nowWarning(), key, source, atMillis, cache), level(rule.nowCritical(), key, source, atMillis, cache)};
    }

    /**
     * The rule's trend threshold for a series, resolved against its companion (e.g. 5 % of that
     * filesystem's {@code fs.size_bytes}); null when the rule has none or the companion is missing.
     * For {@code forecast --rule ID} and reports that project a series the way its rule does.
     */
    public static Double threshold(Rule rule, SeriesKey key, SeriesSource source, long atMillis) {
        return level(rule.threshold(), key, source, atMillis, new HashMap<>());
    }

    private static Double level(Threshold t, SeriesKey key, SeriesSource source, long at, Map<SeriesKey, Double> cache) {
        if (t == null) {
            return null;
        }
        if (!t.relative()) {
            return t.value();
        }
        SeriesKey ck = key.withName(t.companion());
        Double c = cache.computeIfAbsent(ck, k -> {
            Double v = lastFinite(source.read(k, at - COMPANION_RECENT_MILLIS, at));
            if (v == null) {
                v = lastFinite(source.read(k, at - STALE_MILLIS, at));
            }
            return v == null ? Double.NaN : v;
        });
        // A companion that is missing or zero (no swap configured, size unknown) means the level does not apply.
        return c.isNaN() || c <= 0 ? null : t.resolve(c);
    }

    private static boolean beyond(double value, double level, Direction dir) {
        return dir == Direction.DOWN ? value <= level : value >= level;
    }

    private static String nowPhrase(SeriesKey key, double value, double level, Threshold t, Direction dir) {
        return "— " + MessageTemplate.formatValue(key.name(), value) + " now, " + (dir == Direction.DOWN ? "below " : "above ")
                + t.shown(key.name(), level);
    }

    private static Projection present(SeriesKey key, long at, Double value, double threshold, Rule rule, String reason) {
        return present(key, at, value, threshold, null, rule, reason);
    }

    /** A present-value projection whose level is {@code written} resolved ({@code null}: a level without a written form). */
    private static Projection present(SeriesKey key, long at, Double value, double threshold, Threshold written, Rule rule, String reason) {
        return new Projection(key, at, value, threshold, rule.direction(), null, null, null, rule.confidence(),
                "present value", reason, null, BacktestSummary.none(), null)
                .withThresholdText(written == null ? null : written.shown(key.name(), threshold));
    }

    static Double lastFinite(Series s) {
        for (int i = s.size() - 1; i >= 0; i--) {
            if (!Double.isNaN(s.value(i))) {
                return s.value(i);
            }
        }
        return null;
    }

    private static Double firstFinite(Series s) {
        for (int i = 0; i < s.size(); i++) {
            if (!Double.isNaN(s.value(i))) {
                return s.value(i);
            }
        }
        return null;
    }
}
