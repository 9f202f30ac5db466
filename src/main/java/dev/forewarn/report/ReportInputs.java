package dev.forewarn.report;

import dev.forewarn.rules.FindingState;
import dev.forewarn.rules.RuleSet;
import dev.forewarn.series.SeriesSource;
import java.nio.file.Path;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * What a report is computed from, besides its options: the data, the rules, the findings
 * history and the few facts about the machine that the command line knows.
 *
 * @param source    the history of every series
 * @param rules     the rule set in force, as loaded (a set with problems refuses the report)
 * @param rulesFile the extra rules file the set was read with, or null (the report records it)
 * @param findings  opens the findings history (the flapping guard's memory and the raised findings; it
 *                  may throw when unreadable), or null when the source keeps none (Prometheus)
 * @param localHost this machine's name, shown when neither the options nor the data name a host
 * @param progress  opens a progress meter for a number of rules
 */
public record ReportInputs(SeriesSource source, RuleSet rules, Path rulesFile, Supplier<FindingState> findings,
                           String localHost, LongFunction<ProgressMeter> progress) {
}
