package dev.forewarn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.forewarn.report.EmbeddedReport;
import dev.forewarn.report.HtmlReport;
import dev.forewarn.report.MarkdownReport;
import dev.forewarn.report.PdfReport;
import dev.forewarn.report.ProjectionJson;
import dev.forewarn.report.Report;
import dev.forewarn.report.ReportAssembly;
import dev.forewarn.report.ReportDiff;
import dev.forewarn.report.ReportInputs;
import dev.forewarn.report.ReportJson;
import dev.forewarn.report.TextDiff;
import dev.forewarn.report.VisibleText;
import dev.forewarn.rules.FindingState;
import dev.forewarn.rules.InvalidRulesException;
import dev.forewarn.rules.Rule;
import dev.forewarn.rules.RuleSet;
import dev.forewarn.series.Selector;
import dev.forewarn.series.Times;
import dev.forewarn.store.SampleStore;
import dev.forewarn.store.StoreFindingState;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
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
import java.util.function.LongSupplier;
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

    @Mixin
    PrometheusOptions prometheus;

    @Option(names = "--format", paramLabel = "FORMAT", description = "html, pdf, md or json (default: from the -o file's extension, else html).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (default: stdout; md needs a file, its charts go beside it).")
    Path output;

    @Option(names = "--since", paramLabel = "T", description = "History shown from T (default: 90 days before --at).")
    String since;

    @Option(names = "--at", paramLabel = "T", description = "Judge as if the clock read T, using only points up to it (default: the time of the newest point, so the same data gives the same figures).")
    String at;

    @Option(names = "--runway", paramLabel = "DURATION", defaultValue = "90d", description = "Size the capacity to add for this much headroom at today's growth (default: ${DEFAULT-VALUE}).")
    String runway;

    @Option(names = "--lead-time", paramLabel = "DURATION", defaultValue = "30d", description = "Procurement lead time: order this long before the earliest failure (default: ${DEFAULT-VALUE}).")
    String leadTime;

    @Option(names = "--confidence", paramLabel = "P", defaultValue = "0.95", description = "Coverage of the crossing intervals (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--rules", paramLabel = "FILE", description = "An extra rules file, read after the built-in and installed rules.")
    Path rules;

    @Option(names = "--host", paramLabel = "NAME", description = "The host name printed in the report (default: the demo store's own name, else this machine's).")
    String host;

    @Option(names = "--verify", paramLabel = "FILE", description = "Recompute the figures of this report (HTML, PDF, Markdown or JSON) from the store and compare.")
    Path verify;

    @Parameters(paramLabel = "SELECTOR", arity = "0..*", description = "Report on just these series, e.g. 'fs.avail_bytes{mount=\"/var\"}'.")
    List<String> selectorTexts = new ArrayList<>();

    @Spec
    CommandSpec spec;

    /** The wall clock, epoch milliseconds: only the "Generated" line and relative times read it (tests set it). */
    LongSupplier clock = System::currentTimeMillis;

    @Override
    public Integer call() throws IOException {
        return verify != null ? verify() : write();
    }

    private int write() throws IOException {
        long now = clock.getAsLong();
        ZoneId zone = ZoneId.systemDefault();
        Long newest = null;
        if (at == null && !prometheus.enabled()) {
            try (SampleStore s = openStore()) {
                newest = s.info().lastMillis();
            }
        }
        // Without --at the report is judged at its newest point, not at the clock: figures depend on the data only.
        long atMillis = wholeSeconds(at != null ? parseTime("--at", at, now, zone) : newest != null ? Math.min(newest, now) : now);
        long sinceMillis = wholeSeconds(since == null ? atMillis - 90L * 86_400_000L : parseTime("--since", since, atMillis, zone));
        if (sinceMillis >= atMillis) {
            throw new UserException("--since must be before --at: " + Times.iso(sinceMillis) + " is not before " + Times.iso(atMillis), ExitCodes.USAGE, null);
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
        if (output != null && Files.isDirectory(output)) {
            throw new UserException("-o " + output + " is a directory: give a file in it, e.g. -o " + output.resolve("report.html"),
                    ExitCodes.USAGE, null);
        }
        Format f = format != null ? format : fromExtension(output);
        if (f == Format.md && output == null) {
            throw new UserException("--format md needs -o FILE: its chart images are written beside it", ExitCodes.USAGE, null);
        }
        if (f == Format.pdf && output == null && System.console() != null) {
            throw new UserException("a PDF is binary: write it with -o report.pdf or redirect stdout", ExitCodes.USAGE, null);
        }
        if (prometheus.enabled()) {
            return writeFleet(f, atMillis, sinceMillis, zone, now);
        }
        ReportAssembly a = new ReportAssembly(host, atMillis, sinceMillis, confidence,
                duration("--runway", runway), duration("--lead-time", leadTime), selectors, zone);
        Report report;
        try (SampleStore s = openStore()) {
            Long first = s.info().firstMillis();
            if (first != null && atMillis < first) {
                // A report of nothing would read as "all is well": refuse it, as check says UNKNOWN.
                throw new UserException("no history before " + Times.iso(first) + ": nothing to report at "
                        + Times.iso(atMillis) + " (the store " + store.path() + " starts then); give a later --at");
            }
            // a replay (--at) is judged raw, as 'check --at' judges it; otherwise with the guard's memory, as check does
            report = build(a, s, now, at != null ? java.util.Map.of() : null);
        }
        if (!selectorTexts.isEmpty() && report.items().isEmpty()) {
            throw new UserException("no rule judges a series matching " + String.join(" ", selectorTexts)
                    + " in " + store.path() + ": check the selector with 'forewarn show'");
        }
        long t0 = System.nanoTime();
        switch (f) {
            case md -> {
                try {
                    MarkdownReport.write(report, output);
                } catch (IOException | UncheckedIOException e) {
                    throw new UserException("cannot write the report " + output + ": " + IoWords.reason(e), e);
                }
            }
            case html -> emit(o -> {
                Writer w = new BufferedWriter(new OutputStreamWriter(o, StandardCharsets.UTF_8), 64 * 1024);
                HtmlReport.write(report, w);
                w.flush();
            });
            case json -> emit(o -> o.write((ProjectionJson.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(ReportJson.toJson(report)) + "\n").getBytes(StandardCharsets.UTF_8)));
            case pdf -> emit(o -> PdfReport.write(report, o));
        }
        LOG.info("rendered {} in {} ms", f, (System.nanoTime() - t0) / 1_000_000);
        return ExitCodes.SUCCESS;
    }

    /** {@code report --prometheus}: the fleet summary, then every host's findings (see {@link FleetReport}). */
    private int writeFleet(Format f, long atMillis, long sinceMillis, ZoneId zone, long now) throws IOException {
        RuleSet set = RuleSet.load(true, RuleSet.standardDirs(System.getenv()), rules);
        List<Rule> atConfidence = new ArrayList<>();
        set.rules().forEach(r -> atConfidence.add(r.withConfidence(confidence)));
        dev.forewarn.fleet.FleetEvaluation ev = FleetCheck.evaluate(prometheus, atConfidence, atMillis, atMillis - sinceMillis, ExitCodes.FAILURE);
        FleetReport fleet = new FleetReport(duration("--runway", runway), duration("--lead-time", leadTime), zone);
        if (f == Format.json) {
            byte[] json = (ProjectionJson.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(fleet.json(ev, now, confidence)) + "\n").getBytes(StandardCharsets.UTF_8);
            emit(o -> o.write(json));
        } else if (f == Format.html) {
            byte[] html = fleet.html(ev, now, confidence).getBytes(StandardCharsets.UTF_8);
            emit(o -> o.write(html));
        } else {
            // md and pdf: the same report model, whose fleet summary every renderer draws before the verdict
            Report report = fleet.report(ev, now, confidence);
            if (f == Format.md) {
                try {
                    MarkdownReport.write(report, output);
                } catch (IOException | UncheckedIOException e) {
                    throw new UserException("cannot write the report " + output + ": " + IoWords.reason(e), e);
                }
            } else {
                emit(o -> PdfReport.write(report, o));
            }
        }
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
        if (written.hasNonNull("zone")) {
            try {
                zone = ZoneId.of(written.get("zone").asText());
            } catch (java.time.DateTimeException e) {
                LOG.warn("the report's zone {} is unknown here; dates are compared in {}", written.get("zone").asText(), zone);
            }
        }
        ReportAssembly a = new ReportAssembly(written.path("host").asText(),
                parseTime("at", written.path("at").asText(), 0, zone), parseTime("since", written.path("since").asText(), 0, zone),
                written.path("confidence").asDouble(0.95),
                Math.round(written.path("runway_days").asDouble(90) * 86_400_000.0),
                Math.round(written.path("lead_time_days").asDouble(30) * 86_400_000.0), selectors, zone);
        long generated = written.hasNonNull("generated") ? parseTime("generated", written.get("generated").asText(), 0, zone) : clock.getAsLong();
        Report recomputed;
        try (SampleStore s = openStore()) {
            recomputed = build(a, s, generated, ReportJson.guardMemory(written));
        }
        List<ReportDiff.Difference> diffs = ReportDiff.compare(written, ReportJson.toJson(recomputed));
        List<TextDiff.Change> text = textChanges(bytes, recomputed);
        PrintWriter out = spec.commandLine().getOut();
        if (diffs.isEmpty() && text.isEmpty()) {
            out.printf(Locale.ROOT, "%s matches the store: the text a reader sees and %d findings' figures, %,d points, sha256 %s%n", verify,
                    recomputed.items().size(), recomputed.totalPoints(), recomputed.sha256());
            out.flush();
            return ExitCodes.SUCCESS;
        }
        JsonNode made = written.path("made_by");
        Report.Provenance now = recomputed.provenance();
        String wasVersion = made.path("forewarn_version").asText("unknown") + " (commit " + made.path("commit").asText("unknown") + ")";
        String nowVersion = now.version() + " (commit " + now.commit() + ")";
        boolean otherVersion = !wasVersion.equals(nowVersion) || made.isMissingNode();
        boolean otherRules = !made.path("rules_sha256").asText("").equals(now.rulesSha256());
        if (otherVersion || otherRules) {
            out.printf(Locale.ROOT, "%s was made by %s%s; this is forewarn %s%s: the differences below may come from that, not from a changed report or store%n",
                    verify, made.isMissingNode() ? "an earlier forewarn that did not record its version" : "forewarn " + wasVersion,
                    otherRules ? " with other rules (sha256 " + made.path("rules_sha256").asText("unknown") + ")" : "",
                    nowVersion, otherRules ? " with rules sha256 " + now.rulesSha256() : "");
        }
        if (!text.isEmpty()) {
            out.printf(Locale.ROOT, "%s does NOT match the store %s: %d passages of its text differ from the report rendered again%n",
                    verify, store.path(), text.size());
            for (TextDiff.Change c : text) {
                out.println("  " + c);
            }
        }
        if (!diffs.isEmpty()) {
            out.printf(Locale.ROOT, "%s does NOT match the store %s: %d figures changed%n", verify, store.path(), diffs.size());
            for (ReportDiff.Difference d : diffs) {
                out.println("  " + d);
            }
        }
        out.flush();
        return ExitCodes.FAILURE;
    }

    /**
     * The report rendered again in the verified file's own format, compared word by word with
     * what the file shows a reader. A JSON report has no prose to compare: its figures are.
     */
    private List<TextDiff.Change> textChanges(byte[] bytes, Report recomputed) throws IOException {
        List<String> sections = TextDiff.sections(recomputed);
        if (bytes.length >= 4 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F') {
            return TextDiff.compare(VisibleText.pdf(bytes), VisibleText.pdf(PdfReport.bytes(recomputed)), sections);
        }
        String t = new String(bytes, StandardCharsets.UTF_8);
        String head = t.stripLeading();
        if (head.startsWith("{")) {
            // a JSON report's sentences are its string fields: compare the whole document but its generation time
            return TextDiff.compare(VisibleText.json(ProjectionJson.MAPPER.readTree(t)), VisibleText.json(ReportJson.toJson(recomputed)), List.of());
        }
        if (head.regionMatches(true, 0, "<!DOCTYPE html", 0, 14) || head.regionMatches(true, 0, "<html", 0, 5)) {
            return TextDiff.compare(VisibleText.html(t), VisibleText.html(HtmlReport.render(recomputed)), sections);
        }
        String base = verify.getFileName().toString().replaceFirst("\\.(md|markdown)$", "");
        List<String> charts = new ArrayList<>();
        for (int i = 1; i <= recomputed.items().size(); i++) {
            charts.add(base + "-chart-" + i);
        }
        return TextDiff.compare(VisibleText.markdown(t), VisibleText.markdown(MarkdownReport.render(recomputed, charts)), sections);
    }

    /** The report of {@code store}; rules with problems are the command's error line. */
    private Report build(ReportAssembly a, SampleStore s, long generatedMillis, java.util.Map<String, FindingState.Entry> guardMemory) {
        try {
            return a.build(inputs(s, rules), generatedMillis, guardMemory);
        } catch (InvalidRulesException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    /**
     * What a report of {@code store} is computed from: the rules in force (built-in, installed,
     * then {@code rulesFile}), the store's findings history, this machine's name, a progress bar.
     */
    static ReportInputs inputs(SampleStore store, Path rulesFile) {
        RuleSet set = RuleSet.load(true, RuleSet.standardDirs(System.getenv()), rulesFile);
        return new ReportInputs(store, set, rulesFile, () -> StoreFindingState.load(store), localHost(),
                n -> Progress.start("report", n));
    }

    private SampleStore openStore() {
        Path p = store.path();
        if (!Files.exists(p)) {
            throw new UserException("no store at " + p + ": sample first ('forewarn sample'), or try 'forewarn demo --store /tmp/demo.db'");
        }
        return SampleStore.openReadOnly(p);
    }

    /** What writes a rendered report to a stream (stdout, or the temporary file beside -o). */
    private interface Render {
        void to(OutputStream out) throws IOException;
    }

    /** Writes the report as it is rendered, never whole in memory; a file appears complete or not at all. */
    private void emit(Render render) throws IOException {
        if (output == null) {
            OutputStream o = new BufferedOutputStream(System.out, 64 * 1024);
            render.to(o);
            o.flush();
            return;
        }
        Path tmp = output.toAbsolutePath().resolveSibling(output.getFileName() + ".tmp");
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(tmp), 64 * 1024)) {
            render.to(o);
        } catch (IOException | RuntimeException | Error e) {
            // the temporary file is ours: leave nothing behind, and name the file the user asked for
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the first failure is the one to report
            }
            if (e instanceof IOException io) {
                throw new UserException("cannot write the report " + output + ": " + IoWords.reason(io), io);
            }
            throw e;
        }
        try {
            Files.move(tmp, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new UserException("cannot write the report " + output + ": " + IoWords.reason(e), e);
        }
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
