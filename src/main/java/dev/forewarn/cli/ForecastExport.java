package dev.forewarn.cli;

import dev.forewarn.fleet.FleetEvaluation;
import dev.forewarn.fleet.ForecastMetrics;
import dev.forewarn.rules.RuleSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code export openmetrics --forecasts}: this host's forecasts in the Prometheus text format, the
 * same metrics as {@code serve}'s {@code /metrics}, for node_exporter's textfile collector. Written
 * to a temporary file beside the target and renamed over it, so the collector never reads half a file.
 */
final class ForecastExport {

    private ForecastExport() {
    }

    static void write(Path store, long nowMillis, Path output, PrintWriter stdout) throws IOException {
        RuleSet rules = RuleSet.load(true, RuleSet.standardDirs(System.getenv()), null);
        FleetEvaluation ev = StoreFleet.evaluate(store, rules, nowMillis, 30L * 86_400_000L);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ForecastMetrics.write(ForecastMetrics.of(ev), buf);
        if (output == null) {
            stdout.print(buf.toString(StandardCharsets.UTF_8));
            stdout.flush();
            return;
        }
        Path target = output.toAbsolutePath();
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            try (OutputStream o = Files.newOutputStream(tmp)) {
                buf.writeTo(o);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new UserException("cannot write " + output + ": " + e.getMessage(), e);
        }
    }
}
