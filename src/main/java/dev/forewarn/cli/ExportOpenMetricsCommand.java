package dev.forewarn.cli;

import dev.forewarn.series.Selector;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.store.OpenMetricsExport;
import dev.forewarn.store.SampleStore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code forewarn export openmetrics [SELECTOR]}: the history as OpenMetrics text (every point,
 * with timestamps, for {@code promtool tsdb create-blocks-from openmetrics} and for
 * {@code forewarn import}), or with {@code --latest} each series' last value in the Prometheus
 * text format of node_exporter's textfile collector. Names: {@code fs.avail_bytes} becomes
 * {@code forewarn_fs_avail_bytes}; the HELP line keeps the original so import restores it.
 */
@Command(name = "openmetrics", mixinStandardHelpOptions = true,
        description = {"Writes series as OpenMetrics text: every point with its timestamp, then '# EOF'.",
                "--latest: only the last values, no timestamps (node_exporter textfile collector, promtool check metrics).",
                "Names get 'forewarn_' in front and '_' for '.'; the HELP line keeps the forewarn name for import."})
public final class ExportOpenMetricsCommand implements Callable<Integer> {

    @Mixin
    Verbosity verbosity;

    @Mixin
    StoreOption store;

    @Mixin
    TimeOptions times;

    @Parameters(arity = "0..1", paramLabel = "SELECTOR", description = "Series to export (default: all).")
    String selector;

    @Option(names = "--latest", description = "Only each series' last value, without timestamps.")
    boolean latest;

    @Option(names = "--forecasts", description = {"Instead of the history: the forecasts as metrics (forewarn_eta_timestamp_seconds, forewarn_finding_severity, ...), "
            + "the same as 'serve' hands back, judged now on the store with the rules in force."})
    boolean forecasts;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE, replacing it atomically (what the textfile collector needs); default stdout.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        long now = System.currentTimeMillis();
        if (forecasts) {
            ForecastExport.write(store.path(), now, output, spec.commandLine().getOut());
            return ExitCodes.SUCCESS;
        }
        try (SampleStore s = SampleStore.openReadOnly(store.path())) {
            List<SeriesKey> keys = selector == null ? s.find(Selector.parse("*")) : SeriesLookup.matching(s, selector);
            long from = times.fromMillis(now);
            long to = times.toMillis(now);
            if (output == null) {
                PrintWriter out = spec.commandLine().getOut();
                OpenMetricsExport.write(s, keys, from, to, latest, out);
                out.flush();
            } else {
                writeAtomically(s, keys, from, to);
            }
        }
        return ExitCodes.SUCCESS;
    }

    private void writeAtomically(SampleStore s, List<SeriesKey> keys, long from, long to) throws IOException {
        Path target = output.toAbsolutePath();
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8), 1 << 16)) {
                OpenMetricsExport.write(s, keys, from, to, latest, w);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new UserException("cannot write " + output + ": " + IoWords.reason(e), e);
        }
    }
}
