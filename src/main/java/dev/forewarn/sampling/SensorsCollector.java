package dev.forewarn.sampling;

import java.util.ArrayList;
import java.util.List;
import oshi.hardware.Sensors;

/**
 * CPU temperature, fan speeds and CPU voltage, through OSHI's {@link Sensors} (hwmon and
 * thermal zones on Linux).
 *
 * <table>
 *   <caption>metrics</caption>
 *   <tr><th>name</th><th>unit</th><th>labels</th></tr>
 *   <tr><td>{@code sensor.cpu_celsius}</td><td>degrees Celsius</td><td>none</td></tr>
 *   <tr><td>{@code sensor.fan_rpm}</td><td>revolutions per minute</td><td>{@code fan}: 1, 2, ... in the order OSHI reports them</td></tr>
 *   <tr><td>{@code sensor.cpu_volts}</td><td>volts</td><td>none</td></tr>
 * </table>
 *
 * <p>OSHI returns 0 (or NaN) when a sensor is missing, which cannot be told apart from a real
 * reading of 0, so only positive finite readings are stored: a virtual machine or a board
 * without sensors stores nothing rather than invented zeros. A stopped fan therefore shows
 * as a series that ends, not as 0 rpm.
 */
public final class SensorsCollector implements Collector {

    private final Sensors sensors;

    public SensorsCollector(Sensors sensors) {
        this.sensors = sensors;
    }

    @Override
    public String name() {
        return "sensors";
    }

    @Override
    public List<Sample> collect() {
        List<Sample> out = new ArrayList<>();
        double celsius = sensors.getCpuTemperature();
        // above 150 °C a CPU is off, so such a figure is a misread register, not a reading
        if (isReal(celsius) && celsius < 150) {
            out.add(Sample.of("sensor.cpu_celsius", celsius));
        }
        int[] fans = sensors.getFanSpeeds();
        for (int i = 0; fans != null && i < fans.length; i++) {
            if (fans[i] > 0) {
                out.add(Sample.of("sensor.fan_rpm", fans[i], "fan", Integer.toString(i + 1)));
            }
        }
        double volts = sensors.getCpuVoltage();
        if (isReal(volts)) {
            out.add(Sample.of("sensor.cpu_volts", volts));
        }
        return out;
    }

    private static boolean isReal(double v) {
        return Double.isFinite(v) && v > 0;
    }
}
