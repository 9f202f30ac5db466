package dev.forewarn.cli;

import dev.forewarn.series.SafeText;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forewarn.forecast.ForecastEngine;
import dev.forewarn.report.CheckText;
import dev.forewarn.report.ProjectionJson;
import dev.forewarn.rules.Evaluation;
import dev.forewarn.rules.Finding;
import dev.forewarn.rules.Rule;
import dev.forewarn.rules.RuleEvaluator;
import dev.forewarn.rules.RuleFile;
import dev.forewarn.rules.RuleProblem;
import dev.forewarn.rules.RuleSet;
import dev.forewarn.series.Times;
import dev.forewarn.store.SampleStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

/** {@code forewarn rules list|validate|explain}: the rule set in force, where each rule comes from, and what it says now. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Shows the rules in force and where each comes from, checks rules files, explains one rule's verdict.",
        subcommands = {RulesCommand.ListRules.class, RulesCommand.Validate.class, RulesCommand.Explain.class})
public final class RulesCommand implements Runnable {

    /** Accepted on every rules command, like on every other command (list and validate read no store). */
    @Mixin
    StoreOption store;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static RuleSet load(Path extra) {
        return RuleSet.load(true, RuleSet.standardDirs(System.getenv()), extra);
    }

    /** {@code rules list}: every rule in force, then the replaced and switched-off ones, each with its file and line. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the rules in force and where each one comes from.")
    static final class ListRules implements Callable<Integer> {

        @Mixin
        Verbosity verbosity;

        @Mixin
        StoreOption store;

        @Option(names = "--rules", paramLabel = "FILE", description = "One more rules file, read last.")
        Path rulesFile;

        @Option(names = "--format", defaultValue = "text", description = "text or json.")
        String format;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            RuleSet set = load(rulesFile);
            PrintWriter out = spec.commandLine().getOut();
            if (format.equals("json")) {
                ObjectNode o = ProjectionJson.MAPPER.createObjectNode();
                ArrayNode a = o.putArray("rules");
                set.rules().forEach(r -> a.add(json(r, "in force")));
                set.overridden().forEach(r -> a.add(json(r, "overridden")));
                set.disabled().forEach(r -> a.add(json(r, "disabled")));
                ArrayNode p = o.putArray("problems");
                set.problems().forEach(x -> p.add(x.toString()));
                out.println(o.toPrettyString());
            } else if (format.equals("text")) {
                for (Rule r : set.rules()) {
                    out.printf(Locale.ROOT, "%-28s %-42s %s%n", r.id(), r.selector(), r.source());
                }
                for (Rule r : set.overridden()) {
                    out.printf(Locale.ROOT, "%-28s %-42s %s (overridden by a later file)%n", r.id(), r.selector(), r.source());
                }
                for (Rule r : set.disabled()) {
                    out.printf(Locale.ROOT, "%-28s %-42s %s (disabled)%n", r.id(), r.selector(), r.source());
                }
                for (RuleProblem p : set.problems()) {
                    out.println("problem: " + p);
                }
            } else {
                throw new UserException("unknown --format '" + format + "': use text or json", ExitCodes.USAGE, null);
            }
            out.flush();
            return set.problems().isEmpty() ? ExitCodes.SUCCESS : ExitCodes.FAILURE;
        }

        private static ObjectNode json(Rule r, String status) {
            ObjectNode o = ProjectionJson.MAPPER.createObjectNode();
            o.put("id", r.id());
            o.put("series", r.selector().toString());
            o.put("source", r.source().toString());
            o.put("status", status);
            o.put("description", r.description());
            return o;
        }
    }

    /** {@code rules validate FILE...}: every problem with file:line:column; exit 1 when there is any. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Checks rules files and prints every problem as file:line:column: message; exit 1 when there is one.")
    static final class Validate implements Callable<Integer> {

        @Mixin
        Verbosity verbosity;

        @Mixin
        StoreOption store;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Rules files (YAML).")
        List<Path> files;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            int problems = 0;
            for (Path f : files) {
                RuleFile rf = RuleSet.read(f);
                for (RuleProblem p : rf.problems()) {
                    out.println(p);
                }
                problems += rf.problems().size();
                if (rf.ok()) {
                    out.println(f + ": " + rf.rules().size() + (rf.rules().size() == 1 ? " rule" : " rules") + ", no problems");
                }
            }
            out.flush();
            return problems == 0 ? ExitCodes.SUCCESS : ExitCodes.FAILURE;
        }
    }

    /** {@code rules explain ID}: the rule, the series it matches now, and its verdict on each. */
    @Command(name = "explain", mixinStandardHelpOptions = true, description = "Shows one rule, the series it matches now, and its verdict on each.")
    static final class Explain implements Callable<Integer> {

        @Mixin
        Verbosity verbosity;

        @Mixin
        StoreOption store;

        @Option(names = "--rules", paramLabel = "FILE", description = "One more rules file, read last.")
        Path rulesFile;

        @Option(names = "--at", paramLabel = "T", description = "Judge as if the clock read T.")
        String at;

        @Parameters(paramLabel = "ID", description = "The rule id (see: forewarn rules list).")
        String id;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            RuleSet set = load(rulesFile);
            Rule r = set.find(id);
            if (r == null) {
                List<String> ids = new ArrayList<>();
                set.rules().forEach(x -> ids.add(x.id()));
                throw new UserException("no rule '" + id + "' in force; known: " + String.join(", ", ids));
            }
            PrintWriter out = spec.commandLine().getOut();
            describe(r, set, out);
            Path path = store.path();
            if (!Files.exists(path)) {
                out.println("matches now: nothing (no store at " + path + "; run 'forewarn sample' first)");
                out.flush();
                return ExitCodes.SUCCESS;
            }
            long now = System.currentTimeMillis();
            long atMillis = at == null ? now : Times.parseTime(at, now, ZoneId.systemDefault());
            try (SampleStore db = SampleStore.openReadOnly(path)) {
                RuleEvaluator evaluator = new RuleEvaluator(new ForecastEngine(), ZoneId.systemDefault());
                List<Finding> verdicts = new Evaluation(atMillis, evaluator.judge(r, db, atMillis, true), List.of()).findings();
                out.println("matches now (" + verdicts.size() + " series, judged at " + Times.local(atMillis, ZoneId.systemDefault()) + "):");
                for (Finding f : verdicts) {
                    out.println("  " + SafeText.line(f.projection().series().toString()));
                    out.println("    " + CheckText.line(f));
                }
            }
            out.flush();
            return ExitCodes.SUCCESS;
        }

        private static void describe(Rule r, RuleSet set, PrintWriter out) {
            out.println("rule " + r.id() + " (" + r.source() + ")");
            if (!r.description().isEmpty()) {
                out.println("  " + r.description());
            }
            out.println("  series:     " + r.selector() + (r.exclude().isEmpty() ? "" : " excluding " + r.exclude()));
            out.println("  direction:  " + r.direction().label());
            if (r.rateWindowMillis() > 0) {
                out.println("  judged as:  per-second rate over " + human(r.rateWindowMillis()));
            }
            if (r.threshold() != null) {
                out.println("  threshold:  " + r.threshold().written(r.selector().name()) + "; WARNING when the crossing is within "
                        + human(r.warningMillis()) + ", CRITICAL within " + human(r.criticalMillis()));
                out.println("  evidence:   at least " + human(r.evidence().spanMillis()) + " and " + r.evidence().samples() + " samples");
            }
            if (r.nowWarning() != null || r.nowCritical() != null) {
                out.println("  now:        WARNING at " + (r.nowWarning() == null ? "-" : r.nowWarning().written(r.selector().name()))
                        + ", CRITICAL at " + (r.nowCritical() == null ? "-" : r.nowCritical().written(r.selector().name())));
            }
            if (r.growth() != null) {
                out.println("  growing:    " + r.growth().severity() + " when non-zero and grown within " + human(r.growth().withinMillis()));
            }
            out.println("  hold:       " + r.hold().evaluations() + " evaluation(s)"
                    + (r.hold().spanMillis() > 0 ? " and " + human(r.hold().spanMillis()) : ""));
            out.println("  message:    " + r.message());
            for (Rule o : set.overridden()) {
                if (o.id().equals(r.id())) {
                    out.println("  overrides:  " + o.source());
                }
            }
        }

        private static String human(long millis) {
            return millis <= 0 ? "never" : Times.human(Duration.ofMillis(millis));
        }
    }
}
