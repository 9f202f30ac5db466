package dev.forewarn.cli;

import dev.forewarn.series.Units;
import dev.forewarn.series.Times;
import dev.forewarn.store.SampleStore;
import dev.forewarn.store.StoreInfo;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code forewarn store info}: file, size, series, raw and rolled-up points, span. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Shows the store's file, size, series, points and span.")
public final class StoreInfoCommand implements Callable<Integer> {

    /** Output forms. */
    enum Format { text, json }

    @Mixin
    Verbosity verbosity;

    @Mixin
    StoreOption store;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        StoreInfo i;
        try (SampleStore s = SampleStore.openReadOnly(store.path())) {
            i = s.info();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            ShowCommand.json(out, g -> {
                g.writeStartObject();
                g.writeStringField("file", i.file().toAbsolutePath().toString());
                g.writeNumberField("size_bytes", i.sizeBytes());
                g.writeNumberField("schema_version", i.schemaVersion());
                g.writeNumberField("series", i.series());
                g.writeNumberField("raw_points", i.rawPoints());
                g.writeNumberField("head_points", i.headPoints());
                g.writeNumberField("rollup_hours", i.rollupHours());
                g.writeNumberField("rolled_up_points", i.rolledUpPoints());
                g.writeStringField("first", i.firstMillis() == null ? null : Instant.ofEpochMilli(i.firstMillis()).toString());
                g.writeStringField("last", i.lastMillis() == null ? null : Instant.ofEpochMilli(i.lastMillis()).toString());
                g.writeEndObject();
            });
        } else {
            ZoneId zone = ZoneId.systemDefault();
            out.printf("file      %s%n", i.file().toAbsolutePath());
            out.printf("size      %s (%,d bytes%s)%n", Units.bytes(i.sizeBytes()), i.sizeBytes(),
                    i.rawPoints() > 0 ? String.format(", %.1f bytes per stored point", (double) i.sizeBytes() / (i.rawPoints() + i.rollupHours())) : "");
            out.printf("schema    %d%n", i.schemaVersion());
            out.printf("series    %,d%n", i.series());
            out.printf("raw       %,d points (%,d not yet compacted)%n", i.rawPoints(), i.headPoints());
            out.printf("rolled up %,d hours from %,d points%n", i.rollupHours(), i.rolledUpPoints());
            if (i.firstMillis() != null) {
                out.printf("span      %s → %s (%s)%n", Times.local(i.firstMillis(), zone), Times.local(i.lastMillis(), zone),
                        Times.human(Duration.ofMillis(i.lastMillis() - i.firstMillis())));
            } else {
                out.println("span      empty");
            }
        }
        out.flush();
        return ExitCodes.SUCCESS;
    }
}
