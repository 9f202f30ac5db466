package dev.forewarn.report;

import dev.forewarn.series.SafeText;
import dev.forewarn.series.Times;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;

/**
 * The report as Markdown for a ticket, with each chart written beside it as PNG (what ticket
 * systems show inline) and SVG (sharp, for those that take it): {@code report.md},
 * {@code report-chart-1.png}, {@code report-chart-1.svg}, ... Text is escaped for Markdown and
 * for the HTML Markdown allows. The machine-readable report sits in a trailing HTML comment.
 */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /** Writes {@code file} and its chart files beside it; returns every file written, the Markdown first. */
    public static List<Path> write(Report r, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        String base = file.getFileName().toString().replaceFirst("\\.(md|markdown)$", "");
        List<Path> written = new ArrayList<>();
        written.add(file);
        List<String> charts = new ArrayList<>();
        int n = 0;
        for (ReportItem item : r.items().subList(0, ReportLimits.charted(r.items().size()))) {
            n++;
            String name = base + "-chart-" + n;
            Path svg = dir.resolve(name + ".svg");
            Files.writeString(svg, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + SvgCharts.svg(item, r.zone(), "c" + n + "_"), StandardCharsets.UTF_8);
            Path png = dir.resolve(name + ".png");
            png(item, r.zone(), png);
            written.add(png);
            written.add(svg);
            charts.add(name);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            render(r, charts, w);
        }
        return written;
    }

    /** The Markdown text; {@code charts} are the chart file names without extension, one per charted item. */
    public static String render(Report r, List<String> charts) {
        StringWriter w = new StringWriter();
        try {
            render(r, charts, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** Writes the Markdown text to {@code out} section by section. */
    static void render(Report r, List<String> charts, Writer out) throws IOException {
        ZoneId z = r.zone();
        StringBuilder m = new StringBuilder();
        m.append("# ").append(esc(ReportText.title(r))).append("\n\n");
        m.append('_').append(esc(ReportText.header(r))).append("_\n\n");
        if (r.demo()) {
            m.append("> **").append(esc(ReportText.DEMO)).append("**\n\n");
        }
        if (r.fleet() != null) {
            fleet(m, r.fleet());
        }
        Verdict v = Verdict.of(r);
        m.append("## Verdict\n\n").append(esc(v.summary())).append("\n\n");
        int i = 0;
        for (Verdict.Line l : v.lines()) {
            i++;
            m.append(i).append(". **").append(l.badge()).append(": ").append(esc(l.headline())).append("**  \n   ")
                    .append(esc(l.action())).append('\n');
        }
        m.append('\n');
        int n = 0;
        int charted = ReportLimits.charted(r.items().size());
        for (ReportItem item : r.items()) {
            n++;
            out.append(m);
            m.setLength(0);
            if (n > charted) {
                rest(m, r);
                break;
            }
            m.append("## ").append(n).append(". ").append(esc(ReportText.headline(r, item.finding()))).append("\n\n");
            m.append("> **").append(esc(item.recommendation().action())).append("**\n\n");
            String c = charts.get(n - 1);
            m.append("![").append(esc("chart: " + ReportText.resource(item.finding().projection().series()))).append("](")
                    .append(c).append(".png)\n\n");
            m.append('_').append(esc(HtmlReport.caption(item, r))).append(" Vector version: `").append(c).append(".svg`._\n\n");
            table(m, FindingFacts.of(r, item));
        }
        m.append("## Track record on this host\n\n");
        if (r.trackRecord().isEmpty()) {
            m.append(esc(r.trackRecordNote())).append("\n\n");
        } else {
            m.append("| Raised | Series | Predicted | Outcome |\n| --- | --- | --- | --- |\n");
            for (TrackRecordEntry t : r.trackRecord()) {
                m.append("| ").append(cell(ReportText.day(t.raisedMillis(), z))).append(" | ").append(cell(t.series())).append(" | ")
                        .append(cell(t.etaMillis() == null ? "no date" : ReportText.day(t.etaMillis(), z) + " ("
                                + ReportText.interval(t.etaLowMillis(), t.etaHighMillis(), z) + ")"))
                        .append(" | ").append(cell(t.outcome())).append(" |\n");
            }
            m.append('\n');
        }
        m.append("## Appendix: the data behind this report\n\n");
        table(m, AppendixFacts.of(r));
        m.append("| Series | Points | From | To | SHA-256 of its points |\n| --- | ---: | --- | --- | --- |\n");
        for (ReportItem item : r.items()) {
            SeriesData d = item.data();
            m.append("| ").append(cell(d.series())).append(" | ").append(String.format(Locale.ROOT, "%,d", d.points())).append(" | ")
                    .append(cell(d.points() == 0 ? "-" : Times.local(d.fromMillis(), z))).append(" | ")
                    .append(cell(d.points() == 0 ? "-" : Times.local(d.toMillis(), z))).append(" | `").append(d.sha256()).append("` |\n");
        }
        m.append("\nTo check that this report still matches the data: `forewarn report --verify THIS-FILE`\n\n");
        m.append("<!-- ").append(ReportJson.EMBED_ID).append(' ').append(ReportJson.embeddable(ReportJson.toJson(r))).append(" -->\n");
        out.append(m);
        out.flush();
    }

    /** The findings past {@link ReportLimits#CHARTED_FINDINGS}: one row each. */
    private static void rest(StringBuilder m, Report r) {
        int total = r.items().size();
        m.append("## ").append(esc(ReportLimits.restHeading(total))).append("\n\n").append(esc(ReportLimits.restNote(total)))
                .append("\n\n| # | Finding | What to do |\n| ---: | --- | --- |\n");
        for (int i = ReportLimits.charted(total); i < total; i++) {
            ReportItem item = r.items().get(i);
            m.append("| ").append(i + 1).append(" | **").append(ReportText.badge(item.finding())).append(":** ")
                    .append(cell(ReportText.headline(r, item.finding()))).append(" | ")
                    .append(cell(item.recommendation().action())).append(" |\n");
        }
        m.append('\n');
    }

    private static void table(StringBuilder m, List<FindingFacts.Fact> facts) {
        m.append("| | |\n| --- | --- |\n");
        for (FindingFacts.Fact f : facts) {
            m.append("| ").append(cell(f.label())).append(" | ")
                    // a hash as code, the words after it ("(the points of the 120 days up to ...)") as text, as the HTML has them
                    .append(f.isHash() ? "`" + f.hash() + "`" + cell(f.afterHash()) : cell(f.value())).append(" |\n");
        }
        m.append('\n');
    }

    /** The fleet summary as a section with a table, before the verdict. */
    private static void fleet(StringBuilder m, FleetSummary f) {
        m.append("## ").append(FleetSummary.HEADING).append("\n\n").append(esc(f.counts())).append("\n\n");
        if (f.rows().isEmpty()) {
            m.append(esc(FleetSummary.NOTHING)).append("\n\n");
        } else {
            m.append("| Host | State | Runs out of | When | Order by | Capacity to add |\n|---|---|---|---|---|---|\n");
            for (FleetSummary.Row x : f.rows()) {
                m.append("| ").append(cell(x.instance())).append(" | ").append(cell(x.severity())).append(" | ")
                        .append(cell(x.resource())).append(" | ").append(cell(x.when())).append(" | ")
                        .append(cell(x.orderBy())).append(" | ").append(cell(x.capacity())).append(" |\n");
            }
            m.append('\n');
        }
        if (f.total() != null) {
            m.append("**").append(esc(f.total())).append("**\n\n");
        }
    }

    /** Escapes Markdown punctuation and the HTML that Markdown passes through; control characters through {@link SafeText}. */
    static String esc(String text) {
        String s = SafeText.line(text);
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\\', '`', '*', '_', '[', ']', '#', '|', '!', '{', '}' -> b.append('\\').append(c);
                case '\n', '\r' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String cell(String s) {
        return esc(s);
    }

    private static void png(ReportItem item, ZoneId zone, Path file) throws IOException {
        JFreeChart chart = ReportCharts.chart(item, zone);
        int w = SvgCharts.WIDTH;
        int h = SvgCharts.HEIGHT;
        // twice the pixels, so the PNG stays sharp on a high-density screen
        BufferedImage img = new BufferedImage(2 * w, 2 * h, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.scale(2, 2);
        ReportCharts.draw(chart, g, w, h);
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }
}
