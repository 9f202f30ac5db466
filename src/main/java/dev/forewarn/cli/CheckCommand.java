package dev.forewarn.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forewarn.forecast.ForecastEngine;
import dev.forewarn.report.CheckText;
import dev.forewarn.report.ProjectionJson;
import dev.forewarn.report.DemoMarker;
import dev.forewarn.report.Learning;
import dev.forewarn.rules.Evaluation;
import dev.forewarn.rules.RuleFileFindings;
import dev.forewarn.rules.Finding;
import dev.forewarn.rules.Pending;
import dev.forewarn.rules.RuleEvaluator;
import dev.forewarn.rules.RuleSet;
import dev.forewarn.rules.Severity;
import dev.forewarn.series.Selector;
import dev.forewarn.series.Times;
import dev.forewarn.store.SampleStore;
import dev.forewarn.store.StoreException;
import dev.forewarn.store.StoreFindingState;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code forewarn check}: evaluates every rule in force and ends with the Nagios exit code of the
 * worst finding (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN; any failure is UNKNOWN). On an empty
 * store it takes a short burst of samples first and judges present values only (see {@link FirstRun}).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Judges every rule against the history and prints the verdict as a Nagios plugin does.",
                "Exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN."})
public final class CheckCommand implements Callable<Integer>, ExitCodeOnError {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CheckCommand.class);

    @Mixin
    Verbosity verbosity;

    @Mixin
    StoreOption store;

    @Mixin
    PrometheusOptions prometheus;

    @Mixin
    SinceOption since;

    @Option(names = "--at", paramLabel = "T", description = "Judge as if the clock read T, with the points at or before T (ISO-8601, epoch seconds, -7d).")
    String at;

    @Option(names = "--rules", paramLabel = "FILE", description = "One more rules file, read after the built-in set, /etc/forewarn/rules.d and $XDG_CONFIG_HOME/forewarn/rules.d.")
    Path rulesFile;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing unless something is WARNING or worse (for cron, which mails any output).")
    boolean quiet;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (Nagios plugin form) or json.")
    Format format;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Output forms. */
    enum Format { text, json }

    @Override
    public int exitCodeOnError(int defaultCode) {
        return ExitCodes.UNKNOWN;
    }

    @Override
    public Integer call() {
        long now = System.currentTimeMillis();
        long atMillis = at == null ? now : Times.parseTime(at, now, ZoneId.systemDefault());
        RuleSet rules = RuleSet.load(true, RuleSet.standardDirs(System.getenv()), rulesFile);
        if (prometheus.enabled()) {
            return FleetCheck.run(prometheus, rules, atMillis, since.millis(), format == Format.json, quiet, spec.commandLine().getOut());
        }
        RuleEvaluator evaluator = new RuleEvaluator(new ForecastEngine(), ZoneId.systemDefault());
        Path path = store.path();
        List<String> notes = new ArrayList<>();
        Evaluation ev;
        SampleStore db = open(path, at != null);
        try {
            boolean empty = db.find(Selector.of("*")).isEmpty();
            if (empty && at == null) {
                ev = FirstRun.burst(db, rules, evaluator, notes);
                atMillis = ev.atMillis();
            } else {
                StoreFindingState state = db.isReadOnly() ? null : StoreFindingState.load(db);
                try (Progress progress = Progress.start("check", rules.rules().size())) {
                    ev = evaluator.evaluate(rules.rules(), db, atMillis, true, state, progress::step);
                }
                if (state != null) {
                    state.flush();
                }
                if (empty) {
                    notes.add("the store " + path + " holds no history: nothing to replay at " + Times.local(atMillis, java.time.ZoneId.systemDefault()));
                }
            }
            if (at == null) {
                // what smartctl finds on this host says nothing about a replay of the past
                SmartNote.of(rules, db).ifPresent(notes::add);
            }
            String demo = DemoMarker.hostOf(db);
            if (demo != null) {
                notes.add("DEMO DATA: this store holds the invented history of 'forewarn demo' (host " + demo + "), not this machine's");
            }
            List<Finding> all = new ArrayList<>(ev.findings());
            all.addAll(RuleFileFindings.of(rules, atMillis));
            all.addAll(HistoryFindings.noRules(rules, atMillis));
            if (!empty) {
                all.addAll(HistoryFindings.of(db, atMillis, at != null));
            }
            ev = new Evaluation(atMillis, all, ev.resolved(), ev.pending());
            Severity status = ev.status();
            if (empty && at != null && status == Severity.OK) {
                status = Severity.UNKNOWN;
            }
            print(ev, status, notes, rules, evaluator, db);
            return status.exitCode();
        } finally {
            db.close();
        }
    }

    private static SampleStore open(Path path, boolean replay) {
        if (replay && !Files.exists(path)) {
            throw new UserException("no store at " + path + ": there is no history to replay with --at"
                    + " (point --store at a store, or run 'forewarn sample' first)", ExitCodes.UNKNOWN, null);
        }
        if (replay || SampleStore.isReadOnlyFile(path)) {
            // A replay changes nothing, and another user's store can still be judged: read only, no guard memory.
            return SampleStore.openReadOnly(path);
        }
        try {
            return SampleStore.open(path);
        } catch (StoreException e) {
            if (!Files.exists(path) || !SampleStore.isOnFullDisk(path)) {
                throw e;
            }
            // The disk is full: the one check that must not be UNKNOWN is the one about that disk.
            LOG.warn("the disk holding the store {} is full: judging it read-only (the flapping guard remembers nothing this time)", path);
            return SampleStore.openReadOnly(path);
        }
    }

    private void print(Evaluation ev, Severity status, List<String> notes, RuleSet rules, RuleEvaluator evaluator, SampleStore db) {
        PrintWriter out = spec.commandLine().getOut();
        if (quiet && status.rank() < Severity.WARNING.rank() && status != Severity.UNKNOWN) {
            return;
        }
        if (format == Format.json) {
            ObjectNode o = ProjectionJson.MAPPER.createObjectNode();
            o.put("status", status.name());
            o.put("at", Times.iso(ev.atMillis()));
            o.put("host", Host.name());
            ArrayNode fs = o.putArray("findings");
            ev.findings().forEach(f -> fs.add(ProjectionJson.toJson(f)));
            ArrayNode rs = o.putArray("resolved");
            ev.resolved().forEach(f -> rs.add(ProjectionJson.toJson(f)));
            ArrayNode ps = o.putArray("pending");
            for (Pending p : ev.pending()) {
                ps.addObject().put("rule", p.finding().ruleId()).put("series", p.finding().projection().series().toString())
                        .put("severity", p.severity().name()).put("seen", p.seen()).put("needed", p.needed())
                        .put("message", p.finding().message());
            }
            ArrayNode ns = o.putArray("notes");
            notes.forEach(ns::add);
            out.println(o.toPrettyString());
        } else {
            out.print(CheckText.render(status, ev.problems(), ev.pending(), ev.findings().size(), Learning.of(ev.findings()), ev.resolved(), notes,
                    CheckPerf.of(ev, rules, evaluator, db)));
        }
        out.flush();
    }
}
