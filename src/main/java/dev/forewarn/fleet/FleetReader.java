package dev.forewarn.fleet;

import dev.forewarn.series.InMemorySeriesSource;
import dev.forewarn.series.Selector;
import dev.forewarn.series.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the fleet's history from one Prometheus, one instance at a time: the instances that
 * carry any mapped node_exporter series, then each instance's series over the window, mapped to
 * forewarn's catalogue ({@link NodeExporterMapping}) and held in memory just long enough to judge it.
 */
public final class FleetReader {

    private final PrometheusClient client;
    private final Pattern instances;
    private final String extraMatchers;
    private final long stepSeconds;

    /**
     * @param client      the server
     * @param instances   the instances to judge (matched against the whole {@code instance} value), or null for all
     * @param match       label matchers every query gets (a selector such as {@code {job="node"}}), or null
     * @param stepSeconds resolution of the history, seconds
     */
    public FleetReader(PrometheusClient client, Pattern instances, Selector match, long stepSeconds) {
        this.client = client;
        this.instances = instances;
        this.extraMatchers = matchers(match);
        this.stepSeconds = stepSeconds;
    }

    /** The selector's label matchers as PromQL text without braces; its metric name, if any, is not a label matcher here. */
    static String matchers(Selector match) {
        if (match == null) {
            return "";
        }
        if (!match.name().equals("*")) {
            throw new IllegalArgumentException("--match takes label matchers only, e.g. '{job=\"node\"}', not a metric name ("
                    + match.name() + ")");
        }
        List<String> parts = new ArrayList<>();
        for (Selector.Matcher m : match.matchers()) {
            parts.add(m.label() + m.op().symbol() + "\"" + NodeExporterMapping.promEscape(m.value()) + "\"");
        }
        return String.join(",", parts);
    }

    /** The server this reads. */
    public PrometheusClient client() {
        return client;
    }

    /** Resolution of the history, seconds. */
    public long stepSeconds() {
        return stepSeconds;
    }

    /** The instances with any mapped series in {@code [from, to]}, sorted, limited by the instance pattern. */
    public List<String> instances(long fromMillis, long toMillis) {
        String sel = "{__name__=~\"" + String.join("|", NodeExporterMapping.promNames()) + "\""
                + (extraMatchers.isEmpty() ? "" : "," + extraMatchers) + "}";
        List<String> out = new ArrayList<>();
        for (String i : client.labelValues("instance", List.of(sel), fromMillis, toMillis)) {
            if (instances == null || instances.matcher(i).matches()) {
                out.add(i);
            }
        }
        out.sort(null);
        return out;
    }

    /**
     * One instance's mapped series over {@code [from, to]}.
     *
     * @return the series and what reading them cost
     */
    public InstanceData read(String instance, long fromMillis, long toMillis) {
        long t0 = System.nanoTime();
        QueryPlan plan = QueryPlan.of(fromMillis, toMillis, stepSeconds, QueryPlan.MAX_POINTS);
        List<RawSeries> raw = range(NodeExporterMapping.seriesQuery(instance, extraMatchers), plan);
        List<RawSeries> cores = range(NodeExporterMapping.coresQuery(instance, extraMatchers), plan);
        long t1 = System.nanoTime();
        InMemorySeriesSource source = new InMemorySeriesSource();
        long points = 0;
        List<Series> mapped = NodeExporterMapping.map(raw, cores);
        for (Series s : mapped) {
            source.put(s);
            points += s.size();
        }
        return new InstanceData(instance, source, mapped.size(), points, (t1 - t0) / 1_000_000);
    }

    /** One query over every chunk of the plan, each series' chunks joined in time order. */
    private List<RawSeries> range(String query, QueryPlan plan) {
        if (plan.chunks().size() == 1) {
            long[] c = plan.chunks().get(0);
            return client.queryRange(query, c[0], c[1], plan.stepSeconds());
        }
        Map<Map<String, String>, List<RawSeries>> parts = new LinkedHashMap<>();
        for (long[] c : plan.chunks()) {
            for (RawSeries r : client.queryRange(query, c[0], c[1], plan.stepSeconds())) {
                parts.computeIfAbsent(r.labels(), k -> new ArrayList<>()).add(r);
            }
        }
        List<RawSeries> out = new ArrayList<>();
        for (Map.Entry<Map<String, String>, List<RawSeries>> e : parts.entrySet()) {
            int n = e.getValue().stream().mapToInt(r -> r.timesMillis().length).sum();
            long[] t = new long[n];
            double[] v = new double[n];
            int at = 0;
            for (RawSeries r : e.getValue()) {
                System.arraycopy(r.timesMillis(), 0, t, at, r.timesMillis().length);
                System.arraycopy(r.values(), 0, v, at, r.values().length);
                at += r.timesMillis().length;
            }
            out.add(new RawSeries(e.getKey(), Arrays.copyOf(t, at), Arrays.copyOf(v, at)));
        }
        return out;
    }

    /**
     * One instance's history, mapped.
     *
     * @param instance    the instance label
     * @param source      its series under forewarn's names, without the instance label
     * @param series      how many series
     * @param points      how many points in all
     * @param queryMillis wall time spent asking Prometheus, milliseconds
     */
    public record InstanceData(String instance, InMemorySeriesSource source, int series, long points, long queryMillis) {
    }
}
