package dev.forewarn.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import oshi.hardware.Sensors;

class SensorsCollectorTest {

    record Fixed(double celsius, int[] fans, double volts) implements Sensors {
        public double getCpuTemperature() { return celsius; }
        public int[] getFanSpeeds() { return fans; }
        public double getCpuVoltage() { return volts; }
    }

    @Test
    void storesRealReadingsWithFanNumbers() {
        Map<String, Double> v = CpuCollectorTest.values(new SensorsCollector(new Fixed(54.5, new int[] {1200, 0, 900}, 1.1)).collect());
        assertEquals(Map.of("sensor.cpu_celsius", 54.5, "sensor.fan_rpm{fan=\"1\"}", 1200.0,
                "sensor.fan_rpm{fan=\"3\"}", 900.0, "sensor.cpu_volts", 1.1), v);
    }

    @Test
    void storesNothingForTheZerosAndNanOfMissingSensors() {
        assertTrue(new SensorsCollector(new Fixed(0, new int[0], 0)).collect().isEmpty());
        assertTrue(new SensorsCollector(new Fixed(Double.NaN, null, Double.NaN)).collect().isEmpty());
    }
}
