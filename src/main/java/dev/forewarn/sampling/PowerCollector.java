package dev.forewarn.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import oshi.hardware.PowerSource;

/**
 * Batteries (laptops, UPS units the kernel sees), through OSHI's {@link PowerSource}. A
 * server without batteries stores nothing.
 *
 * <table>
 *   <caption>metrics</caption>
 *   <tr><th>name</th><th>unit</th><th>labels</th></tr>
 *   <tr><td>{@code power.charge_ratio}</td><td>0..1 of the current full capacity</td><td>{@code battery}</td></tr>
 *   <tr><td>{@code power.health_ratio}</td><td>full-charge capacity / design capacity, 0..1
 *       (a worn battery shrinks)</td><td>{@code battery}</td></tr>
 *   <tr><td>{@code power.cycles}</td><td>charge cycles</td><td>{@code battery}</td></tr>
 * </table>
 *
 * <p>Each value is stored only when the battery reports it: OSHI gives -1 or 0 for unknown
 * capacities and cycle counts, and many batteries report a cycle count of 0 when they do not
 * count, so a count of 0 is not stored either.
 */
public final class PowerCollector implements Collector {

    private final Supplier<List<PowerSource>> sources;

    /** A collector over a fresh list of power sources per call (OSHI's {@code getPowerSources}). */
    public PowerCollector(Supplier<List<PowerSource>> sources) {
        this.sources = sources;
    }

    @Override
    public String name() {
        return "power";
    }

    @Override
    public List<Sample> collect() {
        List<Sample> out = new ArrayList<>();
        for (PowerSource ps : sources.get()) {
            String battery = ps.getName();
            if (battery == null || battery.isBlank()) {
                battery = ps.getDeviceName();
            }
            double charge = ps.getRemainingCapacityPercent();
            // 0 with no known capacity is OSHI's "unknown", not an empty battery
            if (Double.isFinite(charge) && charge <= 1 && (charge > 0 || (charge == 0 && ps.getMaxCapacity() > 0))) {
                out.add(Sample.of("power.charge_ratio", charge, "battery", battery));
            }
            if (ps.getMaxCapacity() > 0 && ps.getDesignCapacity() > 0) {
                out.add(Sample.of("power.health_ratio", (double) ps.getMaxCapacity() / ps.getDesignCapacity(), "battery", battery));
            }
            if (ps.getCycleCount() > 0) {
                out.add(Sample.of("power.cycles", ps.getCycleCount(), "battery", battery));
            }
        }
        return out;
    }
}
