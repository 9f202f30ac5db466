package dev.forewarn.rules;

import dev.forewarn.forecast.BacktestSummary;
import dev.forewarn.forecast.Direction;
import dev.forewarn.forecast.Projection;
import dev.forewarn.series.SeriesKey;
import java.util.ArrayList;
import java.util.List;

/**
 * One UNKNOWN finding per rules file with problems, naming the file and the line of its first
 * problem: a broken file is reported, never silently dropped, and never hides the other files' rules.
 */
public final class RuleFileFindings {

    private RuleFileFindings() {
    }

    /** The UNKNOWN findings of the files of {@code rules} with problems, stamped at {@code atMillis}. */
    public static List<Finding> of(RuleSet rules, long atMillis) {
        List<Finding> out = new ArrayList<>();
        for (RuleFile f : rules.files()) {
            if (f.ok()) {
                continue;
            }
            RuleProblem first = f.problems().get(0);
            int n = f.problems().size();
            String msg = "rules file " + first + (n > 1 ? " (and " + (n - 1) + " more problem" + (n > 2 ? "s" : "") + ")" : "")
                    + "; its valid rules and all other files are still judged (see: forewarn rules validate " + f.file() + ")";
            Projection p = new Projection(SeriesKey.of("forewarn.rules_file", "file", f.file()), atMillis, null, Double.NaN,
                    Direction.UP, null, null, null, 0.8, "rules validation", first.message(), null, BacktestSummary.none(), null);
            out.add(new Finding("rules-file", new RuleSource(f.file(), first.line(), first.column()), Severity.UNKNOWN, msg, p));
        }
        return out;
    }
}
