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
            summary = "Nothing to report on " + where(r) + ": no rule raised a finding.";
        } else if (dated + undated == 0) {
            summary = "Nothing on " + where(r) + " is projected to run out within the forecast horizon.";
        } else {
            StringBuilder b = new StringBuilder();
            if (dated > 0) {
                b.append(dated == 1 ? "One resource" : dated + " resources").append(" on ").append(where(r))
                        .append(dated == 1 ? " is" : " are").append(" projected to run out");
                if (undated > 0) {
                    b.append(", and ").append(undated == 1 ? "one other problem needs" : undated + " other problems need").append(" attention now");
                }
                // "how sure" in words a manager reads: what the interval is, not only its name
                b.append(". Each date is the middle estimate, as likely to come later as earlier; in brackets, the range that holds it with ").append(ReportText.percent(r.confidence()))
                        .append(" confidence.");
            } else {
                b.append(undated == 1 ? "One problem" : undated + " problems").append(" on ").append(where(r)).append(undated == 1 ? " needs" : " need")
                        .append(" attention now; nothing is projected to run out within the forecast horizon.");
            }
            summary = b.toString();
        }
        Learning learning = r.checked().learning();
        if (learning.count() > 0) {
            // an all-clear on a young store says nothing of the trends it could not judge yet
            summary += " " + (learning.count() == 1 ? "One series is " : learning.count() + " series are ") + learning.stillLearning()
                    + ": too little history to project, so this report cannot yet say whether " + (learning.count() == 1 ? "it" : "they") + " will run out.";
        }
        String buy = purchases(r);
        if (!buy.isEmpty()) {
            summary += " To order: " + buy + ".";
        }
        if (r.checked().status() != null) {
            int pending = r.checked().pending().size();
            summary = "Status " + r.checked().status().name() + (pending == 0 ? "" : " (" + pending + " pending, not raised yet)")
                    + ", as 'forewarn check' reports it. " + summary;
        }
        return new Verdict(summary, lines);
    }

    /** What the verdict's sentences are about: the host, or "the fleet of 3 instances from …". */
    private static String where(Report r) {
        return r.fleet() == null ? r.host() : "the " + r.host();
    }

    /**
     * What a purchase request lists, in one phrase per item: a failing disk's replacement now,
     * capacity for a file system or memory by its order-by date. A leak that is fixed by
     * restarting its process is no purchase (its order-by date is the early bound itself, no
     * lead time), and neither is a calm finding.
     */
    static String purchases(Report r) {
        List<String> out = new ArrayList<>();
        for (ReportItem i : r.items()) {
            var key = i.finding().projection().series();
            Recommendation rec = i.recommendation();
            boolean raised = i.finding().severity() != Severity.OK || r.pendingOf(i.finding()) != null;
            if (key.name().startsWith("smart.") && raised && key.label("disk") != null) {
                out.add("a replacement for disk " + key.label("disk") + " now");
                continue;
            }
            Long early = i.finding().projection().etaLowMillis() != null ? i.finding().projection().etaLowMillis() : i.finding().projection().etaMillis();
            if (rec.amount() == null || rec.orderByMillis() == null || early == null || rec.orderByMillis() + rec.leadTimeMillis() != early) {
                continue;
            }
            String size = dev.forewarn.series.Units.of(key.name()).format(rec.amount());
            String what;
            if (key.name().startsWith("fs.avail") || key.name().startsWith("fs.used")) {
                what = size + " for " + (key.label("mount") == null ? "the file system" : key.label("mount"));
            } else if (key.name().startsWith("mem.") || key.name().startsWith("swap.")) {
                what = size + " of memory";
            } else {
                continue;
            }
            out.add(what + (rec.orderByPassed() ? " now (its order-by date has passed)" : " by " + ReportText.day(rec.orderByMillis(), r.zone())));
        }
        return String.join("; ", out);
    }
}
