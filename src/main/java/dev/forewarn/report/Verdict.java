package dev.forewarn.report;

import dev.forewarn.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * The opening a manager reads in ten seconds: one summary sentence, then per failing resource
 * what fails, when (with the interval), and what prevents it.
 *
 * @param summary one sentence
 * @param lines   one per finding with a crossing or a non-OK verdict: headline, then the action
 */
public record Verdict(String summary, List<Line> lines) {

    /**
     * One line of the verdict.
     *
     * @param severity the finding's severity
     * @param headline what fails and when, with the interval
     * @param action   what prevents it
     */
    public record Line(Severity severity, String headline, String action) {
    }

    /** The verdict of a report. */
    public static Verdict of(Report r) {
        List<Line> lines = new ArrayList<>();
        int failing = 0;
        for (ReportItem i : r.items()) {
            boolean eta = i.finding().projection().hasEta();
            if (eta) {
                failing++;
            }
            if (eta || i.finding().severity() != Severity.OK) {
                lines.add(new Line(i.finding().severity(), ReportText.headline(i.finding().projection(), r.zone()),
                        i.recommendation().action()));
            }
        }
        String summary;
        if (r.items().isEmpty()) {
            summary = "Nothing to report on " + r.host() + ": no rule raised a finding.";
        } else if (failing == 0) {
            summary = "Nothing on " + r.host() + " is projected to run out within the forecast horizon.";
        } else {
            summary = (failing == 1 ? "One resource" : failing + " resources") + " on " + r.host()
                    + (failing == 1 ? " is" : " are") + " projected to run out. Dates are the most likely day, with the "
                    + ReportText.percent(r.confidence()) + " interval in brackets.";
        }
        return new Verdict(summary, lines);
    }
}
