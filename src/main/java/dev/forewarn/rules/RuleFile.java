package dev.forewarn.rules;

import java.util.List;

/**
 * What one rules file yielded: the rules that are valid and every problem found. A rule with a
 * problem is left out; the others of the same file still count.
 *
 * @param file     the file as the user knows it
 * @param rules    valid rules in file order
 * @param problems every problem, in file order
 */
public record RuleFile(String file, List<Rule> rules, List<RuleProblem> problems) {

    public RuleFile {
        rules = List.copyOf(rules);
        problems = List.copyOf(problems);
    }

    /** True when nothing is wrong. */
    public boolean ok() {
        return problems.isEmpty();
    }
}
