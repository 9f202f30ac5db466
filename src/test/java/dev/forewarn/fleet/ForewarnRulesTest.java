package dev.forewarn.fleet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped alerting rules (scripts/prometheus/forewarn.rules.yml) pass {@code promtool check rules},
 * and {@code promtool test rules} fires them on a generated fleet exactly where they should
 * (forewarn.rules.test.yml: the filling instance warns, the calm one does not).
 */
class ForewarnRulesTest {

    static final Path RULES = Path.of("scripts/prometheus/forewarn.rules.yml");

    @TempDir
    Path dir;

    @Test
    void shippedRulesPassPromtoolCheck() throws Exception {
        String promtool = Binaries.require("prometheus", "promtool");
        String out = RealPrometheus.run(dir, 60, promtool, "check", "rules", RULES.toString());
        assertTrue(out.contains("SUCCESS: 4 rules found"), out);
    }

    @Test
    void shippedAlertsFireOnTheFillingInstanceOnly() throws Exception {
        String promtool = Binaries.require("prometheus", "promtool");
        String out = RealPrometheus.run(dir, 60, promtool, "test", "rules", "scripts/prometheus/forewarn.rules.test.yml");
        assertTrue(out.contains("SUCCESS"), out);
    }
}
