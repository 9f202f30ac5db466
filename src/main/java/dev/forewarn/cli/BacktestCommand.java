package dev.forewarn.cli;

import dev.forewarn.series.SafeText;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forewarn.forecast.Backtest;
import dev.forewarn.forecast.ForecastEngine;
import dev.forewarn.forecast.ForecastRequest;
import dev.forewarn.forecast.ThresholdSpec;
import dev.forewarn.report.ProjectionJson;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.series.Times;
import dev.forewarn.store.SampleStore;
import dev.forewarn.fleet.FleetReader;
import dev.forewarn.fleet.PrometheusException;
import dev.forewarn.series.Selector;
import dev.forewarn.series.SeriesSource;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code forewarn backtest [SELECTOR]}: replays each series' history at many origins and prints,
 * beside the node-mixin {@code predict_linear} rule, the first warning's lead time, the ETA error,
 * the interval coverage and the false alarms (definitions in {@link Backtest}). The truth is what
 * the stored series really did after each origin.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Replays the history at many origins: how early and how accurately forewarn warned, next to predict_linear (node-mixin).",
                "Without a selector: every fs.avail_bytes series, to zero."})
public final class BacktestCommand implements Callable<Integer> {

    /** Output forms. */
    enum Format { text, json }

    @Mixin
    PrometheusOptions prometheus;

    @Mixin
    Verbosity verbosity;

    @Mixin
    StoreOption store;

    @Parameters(arity = "0..1", paramLabel = "SELECTOR", defaultValue = "fs.avail_bytes", description = "Series to replay (default: ${DEFAULT-VALUE}).")
    String selector;

    @Option(names = "--threshold", paramLabel = "V", description = "Level that counts as exhausted (as for forecast; default: zero free space, or 100 %% of the size).")
    String threshold;

    @Option(names = "--step", paramLabel = "DURATION", description = "Spacing of the origins (default: the span / 100, at least 1h).")
    String step;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ThresholdSpec spec0 = null;
        if (threshold != null) {
            try {
                spec0 = ThresholdSpec.parse(threshold);
            } catch (IllegalArgumentException e) {
                throw new UserException("--threshold: " + e.getMessage(), ExitCodes.USAGE, e);
            }
        }
        List<Result> results = new ArrayList<>();
        ForecastEngine engine = new ForecastEngine();
        if (prometheus.enabled()) {
            results.addAll(fleet(spec0, engine));
        } else {
            try (SampleStore s = SampleStore.openReadOnly(store.path())) {
                List<SeriesKey> keys = SeriesLookup.matching(s, selector);
                // closed before the results are printed, which wipes the bar; also on the way out of an error
                try (Progress progress = Progress.start("backtest", keys.size())) {
                    for (SeriesKey k : keys) {
                        Interruption.check();
                        progress.set(results.size()); // one result per series, whichever way the body ends
                        results.add(replay(s, k, k, spec0, engine));
                    }
                }
            }
        }
        print(results, spec.commandLine().getOut());
        return ExitCodes.SUCCESS;
    }

    /** {@code backtest --prometheus}: the selector on every instance, one instance's history in memory at a time. */
    private List<Result> fleet(ThresholdSpec spec0, ForecastEngine engine) {
        Selector sel = SeriesLookup.parse(selector == null ? "*" : selector);
        long to = System.currentTimeMillis();
        long from = to - ForecastEngine.HISTORY_MILLIS;
        List<Result> out = new ArrayList<>();
        try {
            FleetReader reader = prometheus.reader();
            reader.client().version();
            for (String i : reader.instances(from, to)) {
                Interruption.check();
                FleetReader.InstanceData data = reader.read(i, from, to);
                for (SeriesKey k : data.source().find(sel)) {
                    out.add(replay(data.source(), k, k.withLabel("instance", i), spec0, engine));
                }
            }
        } catch (PrometheusException e) {
            throw PrometheusOptions.failure(e, ExitCodes.FAILURE);
        }
        return out;
    }

    /** One series' rolling-origin replay over all the history {@code s} holds; {@code shown} names it in the result. */
    private Result replay(SeriesSource s, SeriesKey k, SeriesKey shown, ThresholdSpec spec0, ForecastEngine engine) {
        Series series = s.read(k, Long.MIN_VALUE, Long.MAX_VALUE);
        if (series.size() < 2) {
            return new Result(shown, null, "fewer than two points", null);
        }
        long end = series.lastMillis();
        ForecastCommand.ForecastRequestFactory f = new ForecastCommand.ForecastRequestFactory(spec0, null, end, 0.8,
                ForecastRequest.DEFAULT_HORIZON_MILLIS);
        ForecastRequest req = f.request(s, k, series);
        long first = series.firstMillis() + ForecastEngine.MIN_SPAN_MILLIS;
        if (first > end) {
            return new Result(shown, null, "needs more than " + Times.human(java.time.Duration.ofMillis(ForecastEngine.MIN_SPAN_MILLIS))
                    + " of history to replay, has " + Times.human(java.time.Duration.ofMillis(series.spanMillis())), null);
        }
        long stepMillis = stepMillis(end - first);
        Series size = null;
        String companion = ThresholdSpec.companionOf(k.name());
        if (companion != null && k.name().endsWith("avail_bytes")) {
            size = s.read(k.withName(companion), Long.MIN_VALUE, Long.MAX_VALUE);
        }
        Backtest.Case c = new Backtest.Case(shown.toString(), series, size, req.threshold(), req.direction(),
                Backtest.firstCrossingIn(series, req.threshold(), req.direction()), end, first, end, stepMillis);
        // Nothing to score against: name a level the series did reach late in its history.
        CrossedLevel instead = c.truthAfter().apply(first) == null ? CrossedLevel.of(series, req.direction(), first) : null;
        return new Result(shown, Backtest.summarise(c, Backtest.replay(c, engine, 0.8)), null, instead);
    }

    private long stepMillis(long span) {
        if (step != null) {
            try {
                return Times.parseDurationMillis(step);
            } catch (IllegalArgumentException e) {
                throw new UserException("--step: " + e.getMessage(), ExitCodes.USAGE, e);
            }
        }
        return Math.max(3_600_000L, span / 100);
    }

    /** One series' replay, or why there is none; {@code instead}: a level it crossed, when the threshold asked for was not. */
    record Result(SeriesKey key, Backtest.Summary summary, String skipped, CrossedLevel instead) {
    }

    private void print(List<Result> results, PrintWriter w) {
        if (format == Format.json) {
            ArrayNode a = ProjectionJson.MAPPER.createArrayNode();
            for (Result r : results) {
                ObjectNode o = a.addObject();
                o.put("series", r.key().toString());
                if (r.summary() == null) {
                    o.put("skipped", r.skipped());
                    continue;
                }
                Backtest.Summary s = r.summary();
                o.put("origins", s.origins());
                ObjectNode fw = o.putObject("forewarn");
                days(fw, "lead_days", s.leadMillis());
                number(fw, "median_abs_eta_error_pct", s.medianErrorPct());
                number(fw, "coverage", s.coverage());
                fw.put("false_alarms", s.falseAlarms());
                ObjectNode nm = o.putObject("node_mixin");
                days(nm, "lead_days", s.baselineLeadMillis());
                number(nm, "median_abs_eta_error_pct", s.baselineMedianErrorPct());
                nm.put("false_alarms", s.baselineFalseAlarms());
                if (r.instead() != null) {
                    o.put("crossed_level", r.instead().text());
                    o.put("crossed_level_first_reached", Times.iso(r.instead().firstMillis()));
                }
            }
            w.println(a.toPrettyString());
        } else {
            for (Result r : results) {
                if (r.summary() == null) {
                    w.println(SafeText.line(r.key().toString()) + ": not replayed (" + r.skipped() + ")");
                    continue;
                }
                Backtest.Summary s = r.summary();
                w.printf(Locale.ROOT, "%s: %d origins%n", SafeText.line(r.key().toString()), s.origins());
                w.printf(Locale.ROOT, "  forewarn:   first warning %s, median ETA error %s, 80 %% interval held the truth %s, false alarms %d%n",
                        lead(s.leadMillis()), pct(s.medianErrorPct()), s.coverage() == null ? "n/a" : pct(100 * s.coverage()), s.falseAlarms());
                w.printf(Locale.ROOT, "  node-mixin: first warning %s, median ETA error %s, false alarms %d%n",
                        lead(s.baselineLeadMillis()), pct(s.baselineMedianErrorPct()), s.baselineFalseAlarms());
                if (r.instead() != null) {
                    w.printf(Locale.ROOT, "  no crossing to score against; it first reached %s on %s: try --threshold '%s'%n", r.instead().text(),
                            Times.local(r.instead().firstMillis(), java.time.ZoneId.systemDefault()), r.instead().text());
                }
            }
        }
        w.flush();
    }

    private static String lead(Long millis) {
        return millis == null ? "none before a crossing" : Times.human(java.time.Duration.ofMillis(millis)) + " ahead";
    }

    private static String pct(Double v) {
        return v == null ? "n/a (no crossing in the history)" : String.format(Locale.ROOT, "%.1f %%", v);
    }

    private static void days(ObjectNode o, String f, Long millis) {
        if (millis == null) {
            o.putNull(f);
        } else {
            o.put(f, millis / 86_400_000.0);
        }
    }

    private static void number(ObjectNode o, String f, Double v) {
        if (v == null) {
            o.putNull(f);
        } else {
            o.put(f, v);
        }
    }
}
