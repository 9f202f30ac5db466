package dev.forewarn.cli;

import dev.forewarn.fleet.FleetReader;
import dev.forewarn.fleet.PrometheusException;
import dev.forewarn.forecast.ForecastEngine;
import dev.forewarn.forecast.Projection;
import dev.forewarn.series.Selector;
import dev.forewarn.series.SeriesKey;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code forecast SELECTOR --prometheus URL}: the selector (in forewarn's names) on every
 * instance of the fleet, one instance's history in memory at a time; each projection's series
 * carries its {@code instance}. Instances that cannot be read are named in one error at the end,
 * after the projections of the others.
 */
final class FleetForecast {

    private FleetForecast() {
    }

    static List<Projection> project(PrometheusOptions prom, String selectorText, ForecastCommand.ForecastRequestFactory f,
                                    Consumer<String> warn) {
        Selector sel = SeriesLookup.parse(selectorText);
        long at = f.atMillis();
        long from = at - ForecastEngine.HISTORY_MILLIS;
        List<Projection> out = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        ForecastEngine engine = new ForecastEngine();
        List<String> instances;
        try {
            FleetReader reader = prom.reader();
            reader.client().version();
            instances = reader.instances(from, at);
            for (String i : instances) {
                FleetReader.InstanceData data;
                try {
                    data = reader.read(i, from, at);
                } catch (PrometheusException e) {
                    failed.add(i + " (" + e.getMessage() + ")");
                    continue;
                }
                for (SeriesKey k : data.source().find(sel)) {
                    out.add(FleetReport.withSeries(ForecastCommand.project(engine, data.source(), k, f), k.withLabel("instance", i)));
                }
            }
        } catch (PrometheusException e) {
            throw PrometheusOptions.failure(e, ExitCodes.FAILURE);
        }
        if (!failed.isEmpty()) {
            warn.accept("could not read " + failed.size() + " of " + instances.size() + " instances: " + String.join("; ", failed));
        }
        if (out.isEmpty() && failed.isEmpty()) {
            throw new UserException("no series matches " + selectorText + " on any of the " + instances.size()
                    + " instances at " + prom.url + " (names are forewarn's: fs.avail_bytes, mem.available_bytes, ...)");
        }
        return out;
    }
}
