package dev.forewarn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.forewarn.report.EmbeddedReport;
import dev.forewarn.report.HtmlReport;
import dev.forewarn.report.MarkdownReport;
import dev.forewarn.report.PdfReport;
import dev.forewarn.report.ProjectionJson;
import dev.forewarn.report.Report;
import dev.forewarn.report.ReportDiff;
import dev.forewarn.report.ReportJson;
import dev.forewarn.series.Selector;
import dev.forewarn.series.Times;
import dev.forewarn.store.SampleStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code forewarn report}: the evidence report for a purchase request, as HTML, PDF, Markdown or
 * JSON; and {@code forewarn report --verify FILE}, which recomputes every figure of a report
 * from the store and says whether it still matches (exit 0) or what changed (exit 1).
 */
@Command(name = "report", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Writes the evidence report: what will run out, when (with the 95 %% interval), what it takes to prevent it, "
                + "and the data behind it.",
                "With --verify FILE: recomputes a report's figures from the store; exit 0 when they match, 1 when not."})
public final class ReportCommand implements Callable<Integer> {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReportCommand.class);

    /** The output formats. */
    enum Format { html, pdf, md, json }

    @Mixin
    Verbosity verbosity;

    @Mixin
    StoreOption store;

    @Option(names = "--format", paramLabel = "FORMAT", description = "html, pdf, md or json (default: from the -o file's extension, else html).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (default: stdout; md needs a file, its charts go beside it).")
    Path output;

    @Option(names = "--since", paramLabel = "T", description = "History shown from T (default: 90 days before --at).")
    String since;

    @Option(names = "--at", paramLabel = "T", description = "Judge as if the clock read T, using only points up to it (default: now).")
    String at;

    @Option(names = "--runway", paramLabel = "DURATION", defaultValue = "90d", description = "Size the capacity to add for this much headroom at today's growth (default: ${DEFAULT-VALUE}).")
    String runway;

    @Option(names = "--lead-time", paramLabel = "DURATION", defaultValue = "30d", description = "Procurement lead time: order this long before the earliest failure (default: ${DEFAULT-VALUE}).")
    String leadTime;

    @Option(names = "--confidence", paramLabel = "P", defaultValue = "0.95", description = "Coverage of the crossing intervals (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--rules", paramLabel = "FILE", description = "An extra rules file, read after the built-in and installed rules.")
    Path rules;

    @Option(names = "--host", paramLabel = "NAME", description = "The host name printed in the report (default: this machine's name).")
    String host;

    @Option(names = "--verify", paramLabel = "FILE", description = "Recompute the figures of this report (HTML, PDF, Markdown or JSON) from the store and compare.")
    Path verify;

    @Parameters(paramLabel = "SELECTOR", arity = "0..*", description = "Report on just these series, e.g. 'fs.avail_bytes{mount=\"/var\"}'.")
    List<String> selectorTexts = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        return verify != null ? verify() : write();
    }

    private int write() throws IOException {
        long now = System.currentTimeMillis();
        ZoneId zone = ZoneId.systemDefault();
        long atMillis = wholeSeconds(at == null ? now : parseTime("--at", at, now, zone));
        long sinceMillis = wholeSeconds(since == null ? atMillis - 90L * 86_400_000L : parseTime("--since", since, atMillis, zone));
        if (sinceMillis >= atMillis) {
            throw new UserException("--since must be before --at: " + Times.iso(sinceMillis) + " is not before " + Times.iso(atMillis));
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new UserException("--confidence must be between 0 and 1, e.g. 0.95; got " + confidence, ExitCodes.USAGE, null);
        }
        List<Selector> selectors = new ArrayList<>();
        for (String s : selectorTexts) {
            try {
                selectors.add(Selector.parse(s));
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage(), ExitCodes.USAGE, e);
            }
        }
        Format f = format != null ? format : fromExtension(output);
        if (f == Format.md && output == null) {
            throw new UserException("--format md needs -o FILE: its chart images are written beside it", ExitCodes.USAGE, null);
        }
        if (f == Format.pdf && output == null && System.console() != null) {
            throw new UserException("a PDF is binary: write it with -o report.pdf or redirect stdout", ExitCodes.USAGE, null);
        }
        ReportAssembly a = new ReportAssembly(host != null ? host : localHost(), atMillis, sinceMillis, confidence,
                duration("--runway", runway), duration("--lead-time", leadTime), selectors, rules, zone);
        Report report;
        try (SampleStore s = openStore()) {
            Long first = s.info().firstMillis();
            if (first != null && atMillis < first) {
                // A report of nothing would read as "all is well": refuse it, as check says UNKNOWN.
                throw new UserException("no history before " + Times.iso(first) + ": nothing to report at "
                        + Times.iso(atMillis) + " (the store " + store.path() + " starts then); give a later --at");
            }
            report = a.build(s, now);
        }
        if (!selectorTexts.isEmpty() && report.items().isEmpty()) {
            throw new UserException("no rule judges a series matching " + String.join(" ", selectorTexts)
                    + " in " + store.path() + ": check the selector with 'forewarn show'");
        }
        long t0 = System.nanoTime();
        switch (f) {
            case md -> MarkdownReport.write(report, output);
            case html -> emit(HtmlReport.render(report).getBytes(StandardCharsets.UTF_8));
            case json -> emit((ProjectionJson.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(ReportJson.toJson(report)) + "\n").getBytes(StandardCharsets.UTF_8));
            case pdf -> emit(PdfReport.bytes(report));
        }
        LOG.info("rendered {} in {} ms", f, (System.nanoTime() - t0) / 1_000_000);
        return ExitCodes.SUCCESS;
    }

    private int verify() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(verify);
        } catch (NoSuchFileException e) {
            throw new UserException("no such report file: " + verify, e);
        }
        JsonNode written;
        try {
            written = EmbeddedReport.read(bytes);
        } catch (IllegalArgumentException | IOException e) {
            throw new UserException(verify + ": " + e.getMessage(), e);
        }
        List<Selector> selectors = new ArrayList<>();
        for (JsonNode s : written.path("selectors")) {
            selectors.add(Selector.parse(s.asText()));
        }
        ZoneId zone = ZoneId.systemDefault();
        ReportAssembly a = new ReportAssembly(written.path("host").asText(),
                parseTime("at", written.path("at").asText(), 0, zone), parseTime("since", written.path("since").asText(), 0, zone),
                written.path("confidence").asDouble(0.95),
                Math.round(written.path("runway_days").asDouble(90) * 86_400_000.0),
                Math.round(written.path("lead_time_days").asDouble(30) * 86_400_000.0), selectors, rules, zone);
        Report recomputed;
        try (SampleStore s = openStore()) {
            recomputed = a.build(s, System.currentTimeMillis());
        }
        List<ReportDiff.Difference> diffs = ReportDiff.compare(written, ReportJson.toJson(recomputed));
        PrintWriter out = spec.commandLine().getOut();
        if (diffs.isEmpty()) {
            out.printf(Locale.ROOT, "%s matches the store: %d findings, %,d points, sha256 %s%n", verify,
                    recomputed.items().size(), recomputed.totalPoints(), recomputed.sha256());
            out.flush();
            return ExitCodes.SUCCESS;
        }
        out.printf(Locale.ROOT, "%s does NOT match the store %s: %d figures changed%n", verify, store.path(), diffs.size());
        for (ReportDiff.Difference d : diffs) {
            out.println("  " + d);
        }
        out.flush();
        return ExitCodes.FAILURE;
    }

    private SampleStore openStore() {
        Path p = store.path();
        if (!Files.exists(p)) {
            throw new UserException("no store at " + p + ": sample first ('forewarn sample'), or try 'forewarn demo --store /tmp/demo.db'");
        }
        return SampleStore.openReadOnly(p);
    }

    private void emit(byte[] bytes) throws IOException {
        if (output == null) {
            OutputStream o = System.out;
            o.write(bytes);
            o.flush();
            return;
        }
        Path tmp = output.toAbsolutePath().resolveSibling(output.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static Format fromExtension(Path p) {
        if (p == null) {
            return Format.html;
        }
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".pdf")) {
            return Format.pdf;
        }
        if (n.endsWith(".md") || n.endsWith(".markdown")) {
            return Format.md;
        }
        if (n.endsWith(".json")) {
            return Format.json;
        }
        return Format.html;
    }

    private static long parseTime(String option, String text, long now, ZoneId zone) {
        try {
            return Times.parseTime(text, now, zone);
        } catch (IllegalArgumentException e) {
            throw new UserException(option + ": " + e.getMessage(), ExitCodes.USAGE, e);
        }
    }

    private static long duration(String option, String text) {
        try {
            return Times.parseDurationMillis(text);
        } catch (IllegalArgumentException e) {
            throw new UserException(option + ": " + e.getMessage(), ExitCodes.USAGE, e);
        }
    }

    private static long wholeSeconds(long millis) {
        return Math.floorDiv(millis, 1000L) * 1000L;
    }

    static String localHost() {
        try {
            Path etc = Path.of("/etc/hostname");
            if (Files.isReadable(etc)) {
                String h = Files.readString(etc).strip();
                if (!h.isEmpty()) {
                    return h;
                }
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "this host";
        }
    }
}
