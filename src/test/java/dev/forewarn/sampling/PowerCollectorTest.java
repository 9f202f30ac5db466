package dev.forewarn.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import oshi.hardware.PowerSource;

class PowerCollectorTest {

    /** A battery as OSHI reports it; only the fields the collector reads vary. */
    record Battery(String name, double charge, int max, int design, int cycles) implements PowerSource {
        public String getName() { return name; }
        public String getDeviceName() { return "dev-" + name; }
        public double getRemainingCapacityPercent() { return charge; }
        public double getTimeRemainingEstimated() { return -1; }
        public double getTimeRemainingInstant() { return -1; }
        public double getPowerUsageRate() { return 0; }
        public double getVoltage() { return -1; }
        public double getAmperage() { return 0; }
        public boolean isPowerOnLine() { return true; }
        public boolean isCharging() { return false; }
        public boolean isDischarging() { return false; }
        public CapacityUnits getCapacityUnits() { return CapacityUnits.MWH; }
        public int getCurrentCapacity() { return (int) (charge * max); }
        public int getMaxCapacity() { return max; }
        public int getDesignCapacity() { return design; }
        public int getCycleCount() { return cycles; }
        public String getChemistry() { return "Li-ion"; }
        public LocalDate getManufactureDate() { return null; }
        public String getManufacturer() { return ""; }
        public String getSerialNumber() { return ""; }
        public double getTemperature() { return 0; }
        public boolean updateAttributes() { return true; }
    }

    @Test
    void reportsChargeHealthAndCyclesPerBattery() {
        Map<String, Double> v = CpuCollectorTest.values(new PowerCollector(() -> List.of(new Battery("BAT0", 0.8, 45000, 50000, 312))).collect());
        assertEquals(Map.of("power.charge_ratio{battery=\"BAT0\"}", 0.8, "power.health_ratio{battery=\"BAT0\"}", 0.9,
                "power.cycles{battery=\"BAT0\"}", 312.0), v);
    }

    @Test
    void serverWithoutBatteryStoresNothing() {
        assertTrue(new PowerCollector(List::of).collect().isEmpty());
    }

    @Test
    void unknownCapacitiesAndCyclesAreLeftOut() {
        Map<String, Double> v = CpuCollectorTest.values(new PowerCollector(() -> List.of(new Battery("BAT1", 0, 0, 0, -1))).collect());
        assertTrue(v.isEmpty(), v.toString());
    }
}
