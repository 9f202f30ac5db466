package dev.forewarn.report;

import static dev.forewarn.report.Html.esc;

import dev.forewarn.series.Times;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The report as one self-contained HTML file: inline CSS and SVG charts, nothing fetched, a
 * print stylesheet so it prints as a readable A4 document. Every label and value is escaped;
 * the machine-readable report rides along in a {@code <script type="application/json">} block
 * (which browsers never execute) for {@code report --verify}.
 */
public final class HtmlReport {

    private static final String CSS = """
            :root { --ink:#1b1b1b; --muted:#5d6b78; --line:#d9dee3; --crit:#b42318; --warn:#b54708; --ok:#067647; }
            * { box-sizing: border-box; }
            body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink);
                   max-width: 900px; margin: 2em auto; padding: 0 1.2em; line-height: 1.45; font-size: 15px; }
            h1 { font-size: 1.6em; margin: 0 0 .2em; }
            h2 { font-size: 1.25em; margin: 1.6em 0 .5em; border-bottom: 2px solid var(--line); padding-bottom: .2em; }
            .meta { color: var(--muted); margin: 0; }
            .verdict { border: 2px solid var(--ink); border-radius: 6px; padding: .8em 1.1em; margin: 1.2em 0; background: #fafbfc; }
            .verdict h2 { border: 0; margin: 0 0 .3em; padding: 0; }
            .verdict ol { margin: .5em 0 0; padding-left: 1.3em; }
            .verdict li { margin: .45em 0; }
            .what { font-weight: bold; }
            .sev { display: inline-block; font-size: .75em; font-weight: bold; padding: .05em .45em; border-radius: 3px; color: #fff; vertical-align: .1em; }
            .sev-CRITICAL { background: var(--crit); } .sev-WARNING { background: var(--warn); }
            .sev-OK { background: var(--ok); } .sev-PLAN { background: #175cd3; } .sev-PENDING { background: var(--warn); } .sev-UNKNOWN { background: var(--muted); }
            .action { font-weight: bold; margin: .4em 0 .8em; padding: .5em .8em; border-left: 4px solid var(--crit); background: #fff6f5; }
            .action.calm { border-left-color: var(--ok); background: #f3fbf6; }
            figure { margin: .6em 0; }
            figure svg { width: 100%; height: auto; display: block; }
            figcaption { color: var(--muted); font-size: .85em; }
            table { border-collapse: collapse; width: 100%; margin: .4em 0; font-size: .92em; }
            th, td { text-align: left; vertical-align: top; padding: .3em .5em; border-bottom: 1px solid var(--line); }
            th { width: 12em; color: var(--muted); font-weight: normal; }
            table.data th { width: auto; color: var(--ink); font-weight: bold; }
            code, .hash { font-family: "DejaVu Sans Mono", monospace; font-size: .85em; word-break: break-all; }
            .demo { font-weight: bold; color: #fff; background: var(--crit); padding: .4em .8em; border-radius: 4px; margin: .6em 0 0; }
            footer { margin-top: 2em; color: var(--muted); font-size: .85em; }
            @media print {
              @page { size: A4; margin: 14mm 12mm; }
              body { margin: 0; max-width: none; font-size: 10.5pt; }
              .finding { break-before: page; }
              figure, table, .verdict, .action { break-inside: avoid; }
              .verdict { background: none; }
            }
            """;

    private HtmlReport() {
    }

    /** The complete document. */
    public static String render(Report r) {
        StringWriter w = new StringWriter(64 * 1024);
        try {
            write(r, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /**
     * Writes the complete document to {@code out} section by section, so that only one
     * finding's chart is in memory at a time.
     */
    public static void write(Report r, Writer out) throws IOException {
        ZoneId z = r.zone();
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(ReportText.title(r))).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<header><h1>").append(esc(ReportText.title(r))).append("</h1>\n<p class=\"meta\">")
                .append(esc(ReportText.header(r)))
                .append("</p>\n");
        if (r.demo()) {
            h.append("<p class=\"demo\" id=\"demo\">").append(esc(ReportText.DEMO)).append("</p>\n");
        }
        h.append("</header>\n");

        if (r.fleet() != null) {
            fleet(h, r.fleet());
        }
        Verdict v = Verdict.of(r);
        h.append("<section class=\"verdict\" id=\"verdict\"><h2>Verdict</h2>\n<p>").append(esc(v.summary())).append("</p>\n");
        if (!v.lines().isEmpty()) {
            h.append("<ol>\n");
            for (Verdict.Line l : v.lines()) {
                h.append("<li><span class=\"sev sev-").append(l.badge()).append("\">").append(l.badge())
                        .append("</span> <span class=\"what\">").append(esc(l.headline())).append("</span><br>")
                        .append("<span class=\"todo\">").append(esc(l.action())).append("</span></li>\n");
            }
            h.append("</ol>\n");
        }
        h.append("</section>\n");

        int n = 0;
        int charted = ReportLimits.charted(r.items().size());
        for (ReportItem item : r.items()) {
            n++;
            flush(h, out);
            if (n > charted) {
                rest(h, r);
                break;
            }
            h.append("<section class=\"finding\" id=\"finding-").append(n).append("\">\n<h2>")
                    .append(n).append(". ").append(esc(ReportText.headline(r, item.finding()))).append("</h2>\n");
            boolean calm = !item.finding().projection().hasEta() && item.finding().severity() == dev.forewarn.rules.Severity.OK;
            h.append("<p class=\"action").append(calm ? " calm" : "").append("\">").append(esc(item.recommendation().action())).append("</p>\n");
            h.append("<figure>").append(SvgCharts.svg(item, z, "c" + n + "_")).append("\n<figcaption>")
                    .append(esc(caption(item, r))).append("</figcaption></figure>\n");
            h.append("<table class=\"facts\">\n");
            for (FindingFacts.Fact f : FindingFacts.of(r, item)) {
                h.append("<tr><th>").append(esc(f.label())).append("</th><td>").append(cell(f)).append("</td></tr>\n");
            }
            h.append("</table>\n</section>\n");
        }

        h.append("<section id=\"track-record\"><h2>Track record on this host</h2>\n");
        if (r.trackRecord().isEmpty()) {
            h.append("<p>").append(esc(r.trackRecordNote())).append("</p>\n");
        } else {
            h.append("<table class=\"data\"><tr><th>Raised</th><th>Series</th><th>Predicted</th><th>Outcome</th></tr>\n");
            for (TrackRecordEntry t : r.trackRecord()) {
                h.append("<tr><td>").append(esc(ReportText.day(t.raisedMillis(), z))).append("</td><td><code>").append(esc(t.series()))
                        .append("</code></td><td>").append(esc(t.etaMillis() == null ? "no date" : ReportText.day(t.etaMillis(), z)
                                + " (" + ReportText.interval(t.etaLowMillis(), t.etaHighMillis(), z) + ")"))
                        .append("</td><td>").append(esc(t.outcome())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("</section>\n");

        appendix(h, r);
        h.append("<footer>").append(esc("To check that this report still matches the data: forewarn report --verify THIS-FILE")).append("</footer>\n");
        h.append("<script type=\"application/json\" id=\"").append(ReportJson.EMBED_ID).append("\">")
                .append(ReportJson.embeddable(ReportJson.toJson(r))).append("</script>\n");
        h.append("</body>\n</html>\n");
        flush(h, out);
        out.flush();
    }

    private static void flush(StringBuilder h, Writer out) throws IOException {
        out.append(h);
        h.setLength(0);
    }

    /** The findings past {@link ReportLimits#CHARTED_FINDINGS}: one row each. */
    private static void rest(StringBuilder h, Report r) {
        int total = r.items().size();
        h.append("<section id=\"more-findings\"><h2>").append(esc(ReportLimits.restHeading(total))).append("</h2>\n<p>")
                .append(esc(ReportLimits.restNote(total))).append("</p>\n")
                .append("<table class=\"data\"><tr><th>#</th><th>Finding</th><th>What to do</th></tr>\n");
        for (int i = ReportLimits.charted(total); i < total; i++) {
            ReportItem item = r.items().get(i);
            String badge = ReportText.badge(item.finding());
            h.append("<tr id=\"finding-").append(i + 1).append("\"><td>").append(i + 1).append("</td><td><span class=\"sev sev-")
                    .append(badge).append("\">").append(badge).append("</span> ")
                    .append(esc(ReportText.headline(r, item.finding()))).append("</td><td>")
                    .append(esc(item.recommendation().action())).append("</td></tr>\n");
        }
        h.append("</table>\n</section>\n");
    }

    /**
     * A fact's cell, escaped: a hash in the monospace that breaks anywhere, the words after it
     * ("(the points of the 120 days up to ...)") in text that breaks at spaces, not "up t|o".
     */
    static String cell(FindingFacts.Fact f) {
        if (!f.isHash()) {
            return esc(f.value());
        }
        return "<span class=\"hash\">" + esc(f.hash()) + "</span>" + esc(f.afterHash());
    }

    /** The chart's caption: only what the chart draws (without a simulated path, no trend and no band, and it says so). */
    static String caption(ReportItem item, Report r) {
        var p = item.finding().projection();
        boolean path = p.path() != null && p.path().timesMillis().length > 0;
        long[] window = ReportCharts.window(item);
        // the chart shows a stretch of the report's data; the table's data row names all of it
        boolean hours = window[1] - window[0] < 2 * 86_400_000L;
        StringBuilder c = new StringBuilder("Shown: ").append(hours ? ReportText.dayTime(window[0], r.zone()) : ReportText.day(window[0], r.zone()))
                .append(" to ").append(hours ? ReportText.dayTime(window[1], r.zone()) : ReportText.day(window[1], r.zone())).append(". Blue: measured ").append(ReportText.resource(p.series())).append('.');
        if (path) {
            c.append(" Red dashed: the median of the forecast's simulated paths.")
                    .append(" Red shade: the ").append(ReportCharts.band(p)).append('.');
        } else {
            c.append(" No trend is drawn: this finding has no simulated path.");
        }
        if (!Double.isNaN(p.threshold())) {
            c.append(FindingFacts.isPresentValue(p) && p.series().name().startsWith("smart.")
                    ? " Black line: the earlier level it grew from." : " Black line: the limit.");
        }
        if (p.hasEta()) {
            c.append(" Solid red line: the middle estimate, ").append(ReportText.eta(p, r.zone()));
            // the date is the median of the paths' first touches: a reader who sees the dashed median meet the limit later asks why
            c.append(path ? ", when half of the simulated paths have first reached the limit (the median line can reach it later)." : ".");
            c.append(" Orange band: the ").append(ReportText.percent(p.confidence())).append(" interval of when the limit is reached (")
                    .append(ReportText.interval(p, r.zone())).append(").");
        }
        return c.toString();
    }

    /** The fleet summary ({@code id="fleet-summary"}): counts, one row per host finding, the total to add. */
    private static void fleet(StringBuilder h, FleetSummary f) {
        h.append("<section id=\"fleet-summary\"><h2>").append(FleetSummary.HEADING).append("</h2>\n<p>")
                .append(esc(f.counts())).append("</p>\n");
        if (f.rows().isEmpty()) {
            h.append("<p>").append(esc(FleetSummary.NOTHING)).append("</p>\n");
        } else {
            h.append("<table class=\"data\" id=\"fleet-table\"><tr><th>Host</th><th>State</th><th>Runs out of</th><th>When</th>"
                    + "<th>Order by</th><th>Capacity to add</th></tr>\n");
            for (FleetSummary.Row x : f.rows()) {
                h.append("<tr class=\"fleet-row\"><td class=\"instance\">").append(esc(x.instance()))
                        .append("</td><td><span class=\"sev sev-").append(esc(x.severity())).append("\">").append(esc(x.severity()))
                        .append("</span></td><td>").append(esc(x.resource())).append("</td><td>").append(esc(x.when()))
                        .append("</td><td>").append(esc(x.orderBy())).append("</td><td>").append(esc(x.capacity())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        if (f.total() != null) {
            h.append("<p id=\"fleet-total\">").append(esc(f.total())).append("</p>\n");
        }
        h.append("</section>\n");
    }

    private static void appendix(StringBuilder h, Report r) {
        ZoneId z = r.zone();
        h.append("<section id=\"appendix\"><h2>Appendix: the data behind this report</h2>\n<table class=\"facts\">\n");
        for (FindingFacts.Fact f : AppendixFacts.of(r)) {
            h.append("<tr><th>").append(esc(f.label())).append("</th><td>").append(cell(f)).append("</td></tr>\n");
        }
        h.append("</table>\n<table class=\"data\"><tr><th>Series</th><th>Points</th><th>From</th><th>To</th><th>SHA-256 of its points</th></tr>\n");
        for (ReportItem i : r.items()) {
            SeriesData d = i.data();
            h.append("<tr><td><code>").append(esc(d.series())).append("</code></td><td>")
                    .append(String.format(Locale.ROOT, "%,d", d.points())).append("</td><td>")
                    .append(esc(d.points() == 0 ? "-" : Times.local(d.fromMillis(), z))).append("</td><td>")
                    .append(esc(d.points() == 0 ? "-" : Times.local(d.toMillis(), z))).append("</td><td class=\"hash\">")
                    .append(esc(d.sha256())).append("</td></tr>\n");
        }
        h.append("</table>\n</section>\n");
    }
}
