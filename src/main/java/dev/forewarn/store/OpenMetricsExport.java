package dev.forewarn.store;

import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.series.SeriesSource;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes series as OpenMetrics 1.0 text: per metric family a {@code # TYPE} line ({@code counter}
 * for {@code _total} names, else {@code gauge}) and a {@code # HELP} line carrying the forewarn
 * name, then every point as {@code name{labels} value timestamp} (timestamps in epoch seconds
 * with the millisecond fraction), closed by {@code # EOF}. This is the input of
 * {@code promtool tsdb create-blocks-from openmetrics}, and {@link OpenMetricsImport} reads it
 * back to the same series and points. With {@code latest}, only each series' last value is
 * written, without timestamps, in the Prometheus text format that node_exporter's textfile
 * collector and {@code promtool check metrics} read. Names: see {@link PromNames}.
 */
public final class OpenMetricsExport {

    private OpenMetricsExport() {
    }

    /**
     * Writes the series of {@code keys} with points in {@code [fromMillis, toMillis]}.
     *
     * @return the number of points written
     */
    public static long write(SeriesSource source, List<SeriesKey> keys, long fromMillis, long toMillis, boolean latest,
                             Writer out) throws IOException {
        Map<String, List<SeriesKey>> families = new LinkedHashMap<>();
        for (SeriesKey k : keys) {
            families.computeIfAbsent(k.name(), x -> new ArrayList<>()).add(k);
        }
        long points = 0;
        StringBuilder line = new StringBuilder(128);
        for (Map.Entry<String, List<SeriesKey>> f : families.entrySet()) {
            String name = f.getKey();
            boolean counter = PromNames.isCounter(name);
            String family = latest ? PromNames.sampleName(name) : PromNames.familyName(name);
            out.write("# HELP " + family + " " + PromNames.HELP_PREFIX + name + "\n");
            out.write("# TYPE " + family + " " + (counter ? "counter" : "gauge") + "\n");
            for (SeriesKey key : f.getValue()) {
                Series s = source.read(key, fromMillis, toMillis);
                if (s.isEmpty()) {
                    continue;
                }
                String prefix = prefix(key);
                int from = latest ? s.size() - 1 : 0;
                for (int i = from; i < s.size(); i++) {
                    line.setLength(0);
                    line.append(prefix).append(' ').append(NumberText.format(s.value(i)));
                    if (!latest) {
                        line.append(' ').append(NumberText.seconds(s.timeMillis(i)));
                    }
                    out.write(line.append('\n').toString());
                    points++;
                }
            }
        }
        if (!latest) {
            out.write("# EOF\n");
        }
        out.flush();
        return points;
    }

    private static String prefix(SeriesKey key) {
        StringBuilder sb = new StringBuilder(PromNames.sampleName(key.name()));
        if (!key.labels().isEmpty()) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, String> e : key.labels().entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                sb.append(PromNames.labelName(e.getKey())).append("=\"").append(PromNames.escape(e.getValue())).append('"');
            }
            sb.append('}');
        }
        return sb.toString();
    }
}
