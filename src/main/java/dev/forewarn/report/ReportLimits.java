package dev.forewarn.report;

import java.util.Locale;

/**
 * How much one report draws. A chart with its evidence is about 150 KB of SVG and a page of
 * PDF, so a store with a thousand findings would make a report of hundreds of megabytes that
 * no manager reads and that the default heap cannot hold. The most urgent findings (the items
 * are sorted worst first) get their chart and facts; the rest are one table row each, and
 * every finding's data stays in the appendix and the embedded figures.
 */
final class ReportLimits {

    /** Findings drawn with a chart and their facts; the others are listed in one table. */
    static final int CHARTED_FINDINGS = 50;

    private ReportLimits() {
    }

    /** How many of {@code findings} are drawn. */
    static int charted(int findings) {
        return Math.min(findings, CHARTED_FINDINGS);
    }

    /** The heading of the table of the findings not drawn. */
    static String restHeading(int findings) {
        return String.format(Locale.ROOT, "The other %,d findings", findings - charted(findings));
    }

    /** The sentence that says why the rest is a table. */
    static String restNote(int findings) {
        return String.format(Locale.ROOT, "This report draws the %,d most urgent of %,d findings with their chart and evidence; "
                + "the other %,d are listed here, worst first, and their data is in the appendix. "
                + "A report on fewer series (forewarn report SELECTOR) draws them too.",
                charted(findings), findings, findings - charted(findings));
    }
}
