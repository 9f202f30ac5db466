package dev.forewarn.rules;

import java.util.List;

/**
 * A rule set with problems where every rule must hold (a report: a document for a manager is
 * not made from a half-read rule set). The message names the first problem and how to see them
 * all; the command line prints it as its error line.
 */
public class InvalidRulesException extends RuntimeException {

    private final transient List<RuleProblem> problems;

    /** The set's problems, at least one. */
    public InvalidRulesException(List<RuleProblem> problems) {
        super("the rules have problems, first: " + problems.get(0) + " (run 'forewarn rules validate' to see them all)");
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in load order. */
    public List<RuleProblem> problems() {
        return problems;
    }
}
