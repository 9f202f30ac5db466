package dev.forewarn.report;

import dev.forewarn.rules.Finding;
import dev.forewarn.rules.Pending;
import dev.forewarn.rules.Severity;
import dev.forewarn.series.SafeText;
import java.util.List;
import java.util.Locale;

/**
 * The text form of {@code check} in the Nagios plugin format: a first line
 * {@code FOREWARN WARNING - /var fills in 9 days (...) | perfdata}, then one line per finding
 * worse than OK, worst first, with its date, interval and reason, then the "resolved" notices
 * and any notes. Every text from the data (labels in messages) passes through {@link SafeText#nagios}
 * (Nagios takes a {@code |} on any line, not only the first, as the start of perfdata): no
 * label can add a line or move the split between status and perfdata. Perfdata follows the plugin guidelines ({@code 'label'=value[UOM];warn;crit;min;max}).
 */
public final class CheckText {

    private CheckText() {
    }

    /**
     * One perfdata item. Unknown fields are empty strings; warn and crit are Nagios ranges
     * ({@code 14:} alerts below 14).
     *
     * @param label the label, quoted on output
     * @param value the value, in {@code uom}
     * @param uom   unit of measure ({@code B}, {@code s}, {@code %}, or empty)
     * @param warn  warning range, or empty
     * @param crit  critical range, or empty
     * @param min   minimum, or empty
     * @param max   maximum, or empty
     */
    public record Perf(String label, double value, String uom, String warn, String crit, String min, String max) {

        @Override
        public String toString() {
            String v = number(value);
            String tail = ";" + warn + ";" + crit + ";" + min + ";" + max;
            // Trailing empty fields may be dropped, as the guidelines allow.
            tail = tail.replaceAll(";+$", "");
            return SafeText.perfLabel(label) + "=" + v + uom + tail;
        }
    }

    /**
     * The whole text. The verdicts the flapping guard holds back are counted in the headline
     * ("OK - 1 pending CRITICAL: ...") and each gets a {@code PENDING} line, so an OK never hides
     * a CRITICAL that is about to be raised; an all-clear headline also counts the findings still
     * learning their trend, so that "nothing projected" is not read as a verdict on them.
     *
     * @param status   the overall status
     * @param problems findings worse than OK, worst first
     * @param pending  verdicts held back by the flapping guard, worst first
     * @param judged   how many findings were judged in all (OK ones included)
     * @param learning the findings with too little history for a trend verdict
     * @param resolved "resolved" notices
     * @param notes    plain notes ("disk health is not watched: ...")
     * @param perf     perfdata for the first line
     */
    public static String render(Severity status, List<Finding> problems, List<Pending> pending, int judged, Learning learning,
                                List<Finding> resolved, List<String> notes, List<Perf> perf) {
        StringBuilder sb = new StringBuilder("FOREWARN ").append(status.name()).append(" - ");
        if (problems.isEmpty() && pending.isEmpty()) {
            sb.append(judged == 0 ? "no series to judge yet" : judged + " series judged, nothing projected to cross a threshold within its horizon");
            sb.append(learningWords(learning));
        } else if (problems.isEmpty()) {
            sb.append(pending.size()).append(" pending, not raised yet: ").append(pending.get(0).finding().message());
            if (pending.size() > 1) {
                sb.append(" (+").append(pending.size() - 1).append(" more pending)");
            }
        } else {
            sb.append(SafeText.nagios(problems.get(0).message()));
            if (problems.size() > 1) {
                sb.append(" (+").append(problems.size() - 1).append(" more)");
            }
            if (!pending.isEmpty()) {
                sb.append(" (+").append(pending.size()).append(" pending)");
            }
        }
        if (!perf.isEmpty()) {
            sb.append(" |");
            for (Perf p : perf) {
                sb.append(' ').append(p);
            }
        }
        sb.append('\n');
        for (Finding f : problems) {
            sb.append(line(f)).append('\n');
        }
        for (Pending p : pending) {
            sb.append(String.format(Locale.ROOT, "%-8s ", "PENDING")).append(line(p.finding()).substring(9)).append('\n');
        }
        for (Finding f : resolved) {
            sb.append("RESOLVED ").append(SafeText.nagios(f.message())).append(" [").append(SafeText.nagios(f.ruleId())).append("]\n");
        }
        for (String n : notes) {
            sb.append("note: ").append(SafeText.nagios(n)).append('\n');
        }
        return sb.toString();
    }

    /** "; 10 still learning their trend (the first verdict in 2 days)", or "" when none is. */
    static String learningWords(Learning l) {
        return l.count() == 0 ? "" : "; " + l.count() + " " + l.stillLearning();
    }

    /** One finding: severity, message (with date and interval), the method and its one-line reason, and the rule. */
    public static String line(Finding f) {
        var p = f.projection();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-8s ", f.severity().name())).append(SafeText.nagios(f.message()));
        String why = p.method() == null ? p.reason() : p.reason() == null ? p.method() : p.method() + ": " + p.reason();
        if (why != null && !why.isBlank()) {
            sb.append(" — ").append(SafeText.nagios(why));
        }
        sb.append(" [").append(SafeText.nagios(f.ruleId()));
        if (f.source() != null) {
            sb.append(' ').append(SafeText.nagios(String.valueOf(f.source())));
        }
        return sb.append(']').toString();
    }

    /**
     * A number as perfdata writes it: integers without a decimal point, others to six significant
     * digits, never in exponent form (the plugin guidelines allow only {@code [-0-9.]}).
     */
    public static String number(double v) {
        if (!Double.isFinite(v)) {
            return "U";
        }
        if (Math.abs(v) >= 1000 || v == Math.rint(v)) {
            return new java.math.BigDecimal(v).setScale(0, java.math.RoundingMode.HALF_EVEN).toPlainString();
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
