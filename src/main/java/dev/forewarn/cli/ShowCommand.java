package dev.forewarn.cli;

import dev.forewarn.forecast.ThresholdSpec;
import dev.forewarn.series.SeriesSource;
import dev.forewarn.series.SafeText;
import dev.forewarn.series.Units;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.forewarn.series.Selector;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.series.Times;
import dev.forewarn.store.CsvImport;
import dev.forewarn.store.SampleStore;
import dev.forewarn.store.SeriesSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code forewarn show [SELECTOR]}: without a selector, lists every series (points, first and
 * last time, last value); with one, each matching series as a sparkline with its last value
 * (text), its points (json), or {@code time,series,value} rows (csv).
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Lists the stored series, or shows the points of those a selector matches.",
                "Text: a sparkline and the last value; json: the points; csv: time,series,value rows."})
public final class ShowCommand implements Callable<Integer> {

    /** Output forms. */
    enum Format { text, json, csv }

    @Mixin
    Verbosity verbosity;

    @Mixin
    StoreOption store;

    @Mixin
    TimeOptions times;

    @Mixin
    PrometheusOptions prometheus;

    @Parameters(arity = "0..1", paramLabel = "SELECTOR", description = "Series to show, e.g. 'fs.avail_bytes{mount=\"/\"}'.")
    String selector;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, json or csv (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--width", paramLabel = "N", defaultValue = "40", description = "Sparkline width in characters (default: ${DEFAULT-VALUE}).")
    int width;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        long now = System.currentTimeMillis();
        PrintWriter out = spec.commandLine().getOut();
        if (selector == null && (times.since != null || times.until != null)) {
            // the list has no points to bound: an option that does nothing must not pass in silence
            throw new UserException((times.since != null ? "--since" : "--until") + " bounds the points of the series a SELECTOR"
                    + " picks: give one (e.g. forewarn show 'fs.avail_bytes' --since -7d)", ExitCodes.USAGE, null);
        }
        if (prometheus.enabled()) {
            // a bounded window: without --since, the day before --until (or now)
            long to = Math.min(now, times.toMillis(now));
            long from = times.fromMillis(now) == Long.MIN_VALUE ? to - 86_400_000L : times.fromMillis(now);
            dev.forewarn.series.InMemorySeriesSource fleet = FleetShow.read(prometheus, selector, from, to);
            List<SeriesKey> keys = fleet.find(Selector.parse("*"));
            if (keys.isEmpty()) {
                throw new UserException("no series" + (selector == null ? "" : " matches " + selector) + " at " + prometheus.url);
            }
            points(fleet, keys, from, to, out);
            out.flush();
            return ExitCodes.SUCCESS;
        }
        try (SampleStore s = SampleStore.openReadOnly(store.path())) {
            if (selector == null) {
                List<SeriesSummary> all = s.summaries(Selector.parse("*"));
                if (all.isEmpty() && format == Format.text) {
                    spec.commandLine().getErr().println("forewarn: the store " + s.file() + " holds no series yet: run 'forewarn sample'");
                }
                list(all, out);
            } else {
                List<SeriesKey> keys = SeriesLookup.matching(s, selector);
                long from = times.fromMillis(now);
                long to = times.toMillis(now);
                points(s, keys, from, to, out);
            }
        }
        out.flush();
        return ExitCodes.SUCCESS;
    }

    private void list(List<SeriesSummary> all, PrintWriter out) {
        ZoneId zone = ZoneId.systemDefault();
        switch (format) {
            case text -> {
                int w = all.stream().mapToInt(x -> SafeText.line(x.key().toString()).length()).max().orElse(6);
                for (SeriesSummary x : all) {
                    out.printf("%-" + w + "s  %8d points  %-21s → %-21s  last %s%n", SafeText.line(x.key().toString()), x.points(),
                            x.firstMillis() == null ? "-" : Times.local(x.firstMillis(), zone),
                            x.lastMillis() == null ? "-" : Times.local(x.lastMillis(), zone),
                            Units.of(x.key().name()).format(x.lastValue()));
                }
            }
            case csv -> {
                out.println("series,points,first,last,last_value");
                for (SeriesSummary x : all) {
                    out.println(CsvImport.quote(x.key().toString()) + "," + x.points() + "," + iso(x.firstMillis()) + ","
                            + iso(x.lastMillis()) + "," + (Double.isNaN(x.lastValue()) ? "" : number(x.lastValue())));
                }
            }
            case json -> json(out, g -> {
                g.writeStartArray();
                for (SeriesSummary x : all) {
                    g.writeStartObject();
                    keyFields(g, x.key());
                    g.writeNumberField("points", x.points());
                    g.writeNumberField("raw_points", x.rawPoints());
                    g.writeNumberField("rollup_hours", x.rollupHours());
                    g.writeStringField("first", x.firstMillis() == null ? null : iso(x.firstMillis()));
                    g.writeStringField("last", x.lastMillis() == null ? null : iso(x.lastMillis()));
                    g.writeFieldName("last_value");
                    value(g, x.lastValue());
                    g.writeEndObject();
                }
                g.writeEndArray();
            });
        }
    }

    private void points(dev.forewarn.series.SeriesSource s, List<SeriesKey> keys, long from, long to, PrintWriter out) {
        ZoneId zone = ZoneId.systemDefault();
        switch (format) {
            case text -> {
                int w = keys.stream().mapToInt(k -> SafeText.line(k.toString()).length()).max().orElse(6);
                for (SeriesKey k : keys) {
                    Series x = s.read(k, from, to);
                    String name = SafeText.line(k.toString());
                    if (x.isEmpty()) {
                        out.printf("%-" + w + "s  (no points in this span)%n", name);
                        continue;
                    }
                    out.printf("%-" + w + "s  %s  last %s%s  (%d points, %s → %s)%n", name, Sparkline.of(x.values(), Math.min(width, x.values().length), true),
                            Units.of(k.name()).format(x.lastValue()), share(s, k, x), x.size(),
                            Times.local(x.firstMillis(), zone), Times.local(x.lastMillis(), zone));
                }
            }
            case csv -> {
                out.println("time,series,value");
                StringBuilder sb = new StringBuilder(96);
                for (SeriesKey k : keys) {
                    Series x = s.read(k, from, to);
                    String key = CsvImport.quote(k.toString());
                    for (int i = 0; i < x.size(); i++) {
                        sb.setLength(0);
                        sb.append(Instant.ofEpochMilli(x.timeMillis(i))).append(',').append(key).append(',')
                                .append(number(x.value(i)));
                        out.println(sb);
                    }
                }
            }
            case json -> json(out, g -> {
                g.writeStartArray();
                for (SeriesKey k : keys) {
                    Series x = s.read(k, from, to);
                    g.writeStartObject();
                    keyFields(g, k);
                    g.writeArrayFieldStart("points");
                    for (int i = 0; i < x.size(); i++) {
                        g.writeStartArray();
                        g.writeString(Instant.ofEpochMilli(x.timeMillis(i)).toString());
                        value(g, x.value(i));
                        g.writeEndArray();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
            });
        }
    }

    /**
     * The last value's share of its size series where it has one ({@code fs.avail_bytes} of
     * {@code fs.size_bytes} with the same labels, see {@link ThresholdSpec#companionOf}), as
     * {@code " (18.9 % of 500 GB)"}; empty when there is no size series or no size at the time.
     */
    static String share(SeriesSource s, SeriesKey k, Series x) {
        String companion = ThresholdSpec.companionOf(k.name());
        if (companion == null || Double.isNaN(x.lastValue())) {
            return "";
        }
        SeriesKey ck = k.withName(companion);
        Series size = s.read(ck, x.lastMillis() - SIZE_LOOKBACK_MILLIS, x.lastMillis());
        double total = Double.NaN;
        for (int i = size.size() - 1; i >= 0 && Double.isNaN(total); i--) {
            total = size.value(i);
        }
        if (!(total > 0)) {
            return "";
        }
        return String.format(Locale.ROOT, " (%.1f %% of %s)", 100 * x.lastValue() / total, Units.of(companion).format(total));
    }

    /** How far before the last point a size series' value is still taken as the size: 30 days. */
    private static final long SIZE_LOOKBACK_MILLIS = 30L * 86_400_000L;

    private static String iso(Long millis) {
        return millis == null ? "" : Instant.ofEpochMilli(millis).toString();
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        // full precision (the shortest text that reads back as the same double), never "9.29E10"
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static void keyFields(JsonGenerator g, SeriesKey k) throws IOException {
        g.writeStringField("series", k.toString());
        g.writeStringField("name", k.name());
        g.writeObjectFieldStart("labels");
        for (Map.Entry<String, String> e : k.labels().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void value(JsonGenerator g, double v) throws IOException {
        if (Double.isNaN(v)) {
            g.writeNull();
        } else {
            g.writeNumber(v);
        }
    }

    @FunctionalInterface
    interface JsonBody {
        void write(JsonGenerator g) throws IOException;
    }

    static void json(PrintWriter out, JsonBody body) {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }
}
