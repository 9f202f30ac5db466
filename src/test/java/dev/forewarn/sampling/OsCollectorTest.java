package dev.forewarn.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OsCollectorTest {

    @Test
    void fileNrGivesHandlesInUseAndTheLimit() {
        assertArrayEquals(new long[] {3200, 2466174}, OsCollector.parseFileNr("3264\t64\t2466174\n"));
    }

    @Test
    void threadsAreTheTotalOfTheLoadavgTaskField() {
        assertEquals(89, OsCollector.parseLoadavgThreads("0.64 0.44 0.20 2/89 5018\n"));
    }

    @Test
    void uptimeIsTheFirstField() {
        assertEquals(352.0, OsCollector.parseUptime("352.00 570.31\n"));
    }

    @Test
    void readsTheHostsCounts() throws Exception {
        Map<String, Double> v = CpuCollectorTest.values(new OsCollector(ProcFs.system()).collect());
        assertEquals(5, v.size());
        assertTrue(v.get("os.open_fds") > 0 && v.get("os.open_fds") < v.get("os.max_fds"));
        assertTrue(v.get("os.processes") >= 1 && v.get("os.threads") >= v.get("os.processes") - 1);
        assertTrue(v.get("os.uptime_seconds") > 0);
    }
}
