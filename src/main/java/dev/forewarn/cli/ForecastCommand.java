package dev.forewarn.cli;

import dev.forewarn.series.SafeText;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.forewarn.forecast.Direction;
import dev.forewarn.forecast.ForecastEngine;
import dev.forewarn.forecast.ForecastRequest;
import dev.forewarn.forecast.Projection;
import dev.forewarn.forecast.ThresholdSpec;
import dev.forewarn.report.ProjectionJson;
import dev.forewarn.rules.Rule;
import dev.forewarn.rules.RuleEvaluator;
import dev.forewarn.forecast.ProjectionText;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.series.SeriesSource;
import dev.forewarn.series.Times;
import dev.forewarn.store.SampleStore;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code forewarn forecast SELECTOR}: when each matching series reaches its threshold, with the
 * interval, the method and why, the fit, the backtest and the data hash. Reads the store and
 * hands the series to {@link ForecastEngine}.
 */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = {"Projects when a series reaches a threshold, with an interval and the evidence.",
                "Example: forewarn forecast 'fs.avail_bytes{mount=\"/var\"}' --threshold 5%%"})
public final class ForecastCommand implements Callable<Integer> {

    /** Output forms. */
    enum Format { text, json }

    @Mixin
    Verbosity verbosity;

    @Mixin
    StoreOption store;

    @Mixin
    PrometheusOptions prometheus;

    @Parameters(paramLabel = "SELECTOR", description = "Series to project, e.g. 'fs.avail_bytes{mount=\"/\"}'.")
    String selector;

    @ArgGroup(exclusive = true)
    Target target;

    /** A threshold, to-zero, or a rule's threshold. */
    static final class Target {
        @Option(names = "--threshold", paramLabel = "V", description = "Level that counts as exhausted: a number with optional unit (10G, 10GiB) or a percentage of the size series (5%%).")
        String threshold;

        @Option(names = "--to-zero", description = "The threshold is 0.")
        boolean toZero;

        @Option(names = "--rule", paramLabel = "ID", description = "Project as rule ID does in 'check': to its threshold, in its direction, at its confidence"
                + " (--confidence and --horizon still override), for the matching series it judges.")
        String rule;
    }

    @Option(names = "--direction", paramLabel = "up|down", description = "Which way the series must move (default: down when the threshold is below the present value).")
    Direction direction;

    @Option(names = "--at", paramLabel = "T", description = "Evaluate as if the clock read T, using only points at or before T (default: now).")
    String at;

    @Option(names = "--confidence", paramLabel = "P", defaultValue = "0.8", description = "Coverage of the crossing interval (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--horizon", paramLabel = "DURATION", defaultValue = "1y", description = "How far ahead a crossing still gets a date (default: ${DEFAULT-VALUE}).")
    String horizon;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        long now = System.currentTimeMillis();
        long atMillis = parseAt(at, now);
        Rule rule = rule();
        var parsed = spec.commandLine().getParseResult();
        double c = rule != null && !parsed.hasMatchedOption("--confidence") ? rule.confidence() : confidence;
        long h = rule != null && !parsed.hasMatchedOption("--horizon") ? ForecastRequest.DEFAULT_HORIZON_MILLIS : parseHorizon(horizon);
        ForecastRequestFactory f = new ForecastRequestFactory(thresholdSpec(), rule, direction, atMillis, c, h);
        List<Projection> out = new ArrayList<>();
        if (prometheus.enabled()) {
            List<String> failures = new ArrayList<>();
            out = FleetForecast.project(prometheus, selector, f, failures::add);
            print(out, spec.commandLine().getOut());
            if (!failures.isEmpty()) {
                throw new UserException(failures.get(0));
            }
            return ExitCodes.SUCCESS;
        }
        List<String> ended = new ArrayList<>();
        try (SampleStore s = SampleStore.openReadOnly(store.path())) {
            List<SeriesKey> keys = SeriesLookup.matching(s, selector);
            if (rule != null) {
                keys = keys.stream().filter(rule::matches).toList();
                if (keys.isEmpty()) {
                    throw new UserException("rule " + rule.id() + " judges none of the series matching " + selector + " (it judges " + rule.selector() + ")",
                            ExitCodes.USAGE, null);
                }
            }
            ForecastEngine engine = new ForecastEngine();
            for (SeriesKey k : keys) {
                Interruption.check();
                Series series = history(s, k, atMillis);
                String end = endedNote(series, atMillis);
                if (end != null) {
                    ended.add(k + " (" + end + ")");
                    continue;
                }
                ForecastRequest req = f.request(s, k, series);
                out.add(engine.project(series, req).withThresholdText(f.shown(k, req.threshold())));
            }
            if (target == null && format == Format.text) {
                PrintWriter err = spec.commandLine().getErr();
                ForecastRules.otherLevels(ForecastRules.inForce().rules(), s, out, atMillis, selector).forEach(n -> err.println("note: " + n));
                err.flush();
            }
        }
        if (out.isEmpty()) {
            throw new UserException("every series matching " + selector + " has ended: " + String.join(", ", ended)
                    + "; give --at T to forecast as of an earlier time");
        }
        if (!ended.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("note: skipped " + ended.size() + (ended.size() == 1 ? " series that has" : " series that have")
                    + " ended (no point in the day before " + Times.local(atMillis, ZoneId.systemDefault()) + "): "
                    + String.join(", ", ended));
            err.flush();
        }
        print(out, spec.commandLine().getOut());
        return ExitCodes.SUCCESS;
    }

    /** One series: read the engine's history window before --at, resolve the threshold, project. */
    static Projection project(ForecastEngine engine, SeriesSource source, SeriesKey k, ForecastRequestFactory f) {
        Series series = history(source, k, f.atMillis());
        ForecastRequest req = f.request(source, k, series);
        return engine.project(series, req).withThresholdText(f.shown(k, req.threshold()));
    }

    /** The engine's history window of one series, up to and including {@code atMillis}. */
    static Series history(SeriesSource source, SeriesKey k, long atMillis) {
        return source.read(k, atMillis - ForecastEngine.HISTORY_MILLIS, atMillis);
    }

    /**
     * Why a series no longer counts as live at {@code atMillis} (its newest point is more than
     * {@link #ENDED_AFTER_MILLIS} old, e.g. an earlier pid of a restarted process), or null when it
     * is live. The same one-day limit as the rules' evaluation uses, so {@code check} and
     * {@code forecast} agree on which series are still there.
     */
    static String endedNote(Series history, long atMillis) {
        if (history.isEmpty()) {
            return "no point in the " + Times.human(java.time.Duration.ofMillis(ForecastEngine.HISTORY_MILLIS)) + " before";
        }
        if (atMillis - history.lastMillis() > ENDED_AFTER_MILLIS) {
            return "last point " + Times.local(history.lastMillis(), ZoneId.systemDefault());
        }
        return null;
    }

    /** A series whose newest point is older than this at --at has ended: one day, milliseconds. */
    static final long ENDED_AFTER_MILLIS = 86_400_000L;

    private void print(List<Projection> ps, PrintWriter w) {
        if (format == Format.json) {
            if (ps.size() == 1) {
                w.println(ProjectionJson.toJson(ps.get(0)).toPrettyString());
            } else {
                ArrayNode a = ProjectionJson.MAPPER.createArrayNode();
                ps.forEach(p -> a.add(ProjectionJson.toJson(p)));
                w.println(a.toPrettyString());
            }
        } else {
            for (Projection p : ps) {
                w.println(SafeText.line(ProjectionText.line(p, ZoneId.systemDefault()) + thresholdNote(p)));
                if (verbosity.level() > 0) {
                    w.println("  method: " + SafeText.line(p.method()));
                    w.println("  reason: " + SafeText.line(p.reason()));
                    w.println("  data_sha256: " + p.dataSha256());
                }
            }
        }
        w.flush();
    }

    /** The threshold as written and the interval's confidence: " [threshold 100 GiB (107 GB), 80 % interval]". */
    private static String thresholdNote(Projection p) {
        return " [threshold " + p.thresholdShown() + ", " + Math.round(p.confidence() * 100) + " % interval]";
    }

    /** The rule of --rule, refused beside the options it replaces; null without --rule. */
    private Rule rule() {
        if (target == null || target.rule == null) {
            return null;
        }
        if (prometheus.enabled()) {
            throw new UserException("--rule works on the store; with Prometheus give --threshold", ExitCodes.USAGE, null);
        }
        if (direction != null) {
            throw new UserException("--direction: with --rule the direction is the rule's", ExitCodes.USAGE, null);
        }
        return ForecastRules.named(target.rule);
    }

    private ThresholdSpec thresholdSpec() {
        if (target == null || target.rule != null) {
            return null;
        }
        if (target.toZero) {
            return ThresholdSpec.toZero();
        }
        try {
            return ThresholdSpec.parse(target.threshold);
        } catch (IllegalArgumentException e) {
            throw new UserException("--threshold: " + e.getMessage(), ExitCodes.USAGE, e);
        }
    }

    static long parseAt(String text, long now) {
        if (text == null) {
            return now;
        }
        try {
            return Times.parseTime(text, now, ZoneId.systemDefault());
        } catch (IllegalArgumentException e) {
            throw new UserException("--at: " + e.getMessage(), ExitCodes.USAGE, e);
        }
    }

    private static long parseHorizon(String text) {
        try {
            return Times.parseDurationMillis(text);
        } catch (IllegalArgumentException e) {
            throw new UserException("--horizon: " + e.getMessage(), ExitCodes.USAGE, e);
        }
    }

    /**
     * Turns the command line's threshold into a request per series: a rule's threshold, resolved
     * and in its direction as {@code check} has it; else without one, free space and free inodes
     * run to zero and used space to 100 % of the size; anything else needs --threshold.
     *
     * @param rule the rule whose threshold and direction to use, or null
     */
    record ForecastRequestFactory(ThresholdSpec spec, Rule rule, Direction direction, long atMillis, double confidence, long horizonMillis) {

        ForecastRequestFactory(ThresholdSpec spec, Direction direction, long atMillis, double confidence, long horizonMillis) {
            this(spec, null, direction, atMillis, confidence, horizonMillis);
        }

        ForecastRequestFactory {
            if (!(confidence > 0 && confidence < 1)) {
                throw new UserException("--confidence must be between 0 and 1 (e.g. 0.8), got " + confidence, ExitCodes.USAGE, null);
            }
        }

        ForecastRequest request(SeriesSource source, SeriesKey k, Series series) {
            if (rule != null) {
                Double level = RuleEvaluator.threshold(rule, k, source, atMillis);
                if (level == null) {
                    throw new UserException("rule " + rule.id() + "'s threshold " + rule.threshold().text() + " needs " + k.withName(rule.threshold().companion())
                            + ", which the store does not hold");
                }
                return new ForecastRequest(level, rule.direction(), atMillis, confidence, horizonMillis);
            }
            ThresholdSpec t = spec != null ? spec : defaultFor(k);
            ThresholdSpec.Resolved r;
            try {
                r = t.resolve(source, k, series, atMillis, direction);
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage());
            }
            return new ForecastRequest(r.value(), r.direction(), atMillis, confidence, horizonMillis);
        }

        /**
         * The threshold as the user wrote it for series {@code k}, resolved to {@code level}: "100 GiB (107 GB)",
         * "5% of fs.size_bytes{mount="/"} (12 GB)"; without --threshold, the default's ("0 B", "100% of ...").
         */
        String shown(SeriesKey k, double level) {
            if (rule != null) {
                return rule.threshold().shown(k.name(), level);
            }
            ThresholdSpec t = spec != null ? spec : defaultFor(k);
            String n = k.name();
            String whole = t.kind() != ThresholdSpec.Kind.PERCENT || n.endsWith("_ratio") ? null
                    : k.withName(t.companion() != null ? t.companion() : ThresholdSpec.companionOf(n)).toString();
            return t.shown(n, level, whole);
        }

        static ThresholdSpec defaultFor(SeriesKey k) {
            String n = k.name();
            if (n.endsWith("avail_bytes") || n.endsWith("_free") || n.endsWith("available_bytes")) {
                return ThresholdSpec.toZero();
            }
            if (ThresholdSpec.companionOf(n) != null) {
                return ThresholdSpec.parse("100%");
            }
            throw new UserException(k + " has no natural limit: give --threshold V (e.g. --threshold 90 or --threshold 10G)", ExitCodes.USAGE, null);
        }
    }
}
