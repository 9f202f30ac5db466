package dev.forewarn.report;

import dev.forewarn.series.Selector;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.series.SeriesSource;

/**
 * How a store says it holds the invented history of {@code forewarn demo}: one series
 * {@value #INFO_SERIES}, value 1, labelled with the demo host's name (the Prometheus "info
 * metric" idiom). Reports of such a store carry the demo host's name and say DEMO DATA.
 */
public final class DemoMarker {

    /** The demo host's own name: reports of the demo store carry it, never this machine's name. */
    public static final String HOST = "demo-web-1";
    /** The marker series' metric name. */
    public static final String INFO_SERIES = "forewarn.demo_info";

    private DemoMarker() {
    }

    /** The demo host's name when {@code source} holds the demo's marker series, else null. */
    public static String hostOf(SeriesSource source) {
        for (SeriesKey k : source.find(Selector.of(INFO_SERIES))) {
            return k.label("host") == null ? HOST : k.label("host");
        }
        return null;
    }
}
