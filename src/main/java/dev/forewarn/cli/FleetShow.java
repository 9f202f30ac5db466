package dev.forewarn.cli;

import dev.forewarn.fleet.FleetReader;
import dev.forewarn.fleet.PrometheusException;
import dev.forewarn.series.InMemorySeriesSource;
import dev.forewarn.series.Selector;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;

/**
 * {@code show [SELECTOR] --prometheus URL}: the fleet's series under forewarn's names, each with
 * its {@code instance} label, read instance by instance; only the series the selector matches are kept.
 */
final class FleetShow {

    private FleetShow() {
    }

    /** The matching series of every instance in {@code [from, to]}, keys labelled with the instance. */
    static InMemorySeriesSource read(PrometheusOptions prom, String selectorText, long fromMillis, long toMillis) {
        Selector sel = selectorText == null ? Selector.of("*") : SeriesLookup.parse(selectorText);
        InMemorySeriesSource out = new InMemorySeriesSource();
        try {
            FleetReader reader = prom.reader();
            reader.client().version();
            for (String i : reader.instances(fromMillis, toMillis)) {
                FleetReader.InstanceData data = reader.read(i, fromMillis, toMillis);
                for (SeriesKey k : data.source().find(sel)) {
                    Series s = data.source().read(k, fromMillis, toMillis);
                    SeriesKey withInstance = k.withLabel("instance", i);
                    out.put(new Series(withInstance, s.timesMillis(), s.values()));
                }
            }
        } catch (PrometheusException e) {
            throw PrometheusOptions.failure(e, ExitCodes.FAILURE);
        }
        return out;
    }
}
