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
     * @param badge    the label shown: the severity, or PLAN for a crossing that is not a warning yet
     * @param headline what fails and when, with the interval
     * @param action   what prevents it
     */
    public record Line(Severity severity, String badge, String headline, String action) {
    }

    /** The verdict of a report. */
    public static Verdict of(Report r) {
        List<Line> lines = new ArrayList<>();
        int dated = 0;
        int undated = 0;
        for (ReportItem i : r.items()) {
            boolean eta = i.finding().projection().hasEta();
            boolean pending = r.pendingOf(i.finding()) != null;
            if (eta) {
                dated++;
            } else if (i.finding().severity() != Severity.OK || pending) {
                undated++;
            }
            if (eta || i.finding().severity() != Severity.OK || pending) {
                lines.add(new Line(i.finding().severity(), ReportText.badge(r, i.finding()), ReportText.headline(r, i.finding()),
                        i.recommendation().action()));
            }
        }
        String summary;
        if (r.items().isEmpty()) {
            summary = "Nothing to report on " + r.host() + ": no rule raised a finding.";
        } else if (dated + undated == 0) {
            summary = "Nothing on " + r.host() + " is projected to run out within the forecast horizon.";
        } else {
            StringBuilder b = new StringBuilder();
            if (dated > 0) {
                b.append(dated == 1 ? "One resource" : dated + " resources").append(" on ").append(r.host())
                        .append(dated == 1 ? " is" : " are").append(" projected to run out");
                if (undated > 0) {
                    b.append(", and ").append(undated == 1 ? "one other problem needs" : undated + " other problems need").append(" attention now");
                }
                // "how sure" in words a manager reads: what the interval is, not only its name
                b.append(". Dates are the most likely day; in brackets, the range of days that holds it with ").append(ReportText.percent(r.confidence()))
                        .append(" confidence.");
            } else {
                b.append(undated == 1 ? "One problem" : undated + " problems").append(" on ").append(r.host()).append(undated == 1 ? " needs" : " need")
                        .append(" attention now; nothing is projected to run out within the forecast horizon.");
            }
            summary = b.toString();
        }
        if (r.checked().status() != null) {
            int pending = r.checked().pending().size();
            summary = "Status " + r.checked().status().name() + (pending == 0 ? "" : " (" + pending + " pending, not raised yet)")
                    + ", as 'forewarn check' reports it. " + summary;
        }
        return new Verdict(summary, lines);
    }
}
