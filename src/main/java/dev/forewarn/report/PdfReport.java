package dev.forewarn.report;

import dev.forewarn.series.Times;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.jfree.chart.JFreeChart;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;

/**
 * The report as PDF (PDFBox 3): real text, charts as vector graphics (JFreeChart drawn through
 * rototor's pdfbox-graphics2d), and the machine-readable report attached as the embedded file
 * {@value ReportJson#PDF_ATTACHMENT} so {@code report --verify} can read it back.
 */
public final class PdfReport {

    static final float CHART_HEIGHT = 235f;
    /** Room (points) a finding's heading, call-out, chart and caption take: less left, and it starts a new page. */
    static final float FINDING_HEAD_ROOM = CHART_HEIGHT + 190f;
    /** Room (points) a text section's heading and first lines take. */
    static final float SECTION_HEAD_ROOM = 160f;
    /** Space (points) above a section that shares a page with the one before it. */
    static final float FINDING_GAP = 24f;
    private static final Color MUTED = new Color(0x5d, 0x6b, 0x78);
    private static final Color CRIT = new Color(0xb4, 0x23, 0x18);
    private static final Color WARN = new Color(0xb5, 0x47, 0x08);
    private static final Color OK = new Color(0x06, 0x76, 0x47);
    private static final Color PLAN = new Color(0x17, 0x5c, 0xd3);

    private PdfReport() {
    }

    /** Writes the PDF. */
    public static void write(Report r, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            info(doc, r);
            try (PdfLayout l = new PdfLayout(doc);
                 PdfBoxGraphics2DFontTextDrawer text = new PdfBoxGraphics2DFontTextDrawer()) {
                // chart labels as real text in the document's own fonts: extractable, and far cheaper than glyph outlines
                text.registerFont(ReportCharts.FONT, l.regular);
                text.registerFont(ReportCharts.FONT + " Bold", l.bold);
                ZoneId z = r.zone();
                l.newPage();
                l.paragraph(ReportText.title(r), l.bold, 20, Color.BLACK, 0);
                l.paragraph(ReportText.header(r), l.regular, 9, MUTED, 0);
                if (r.demo()) {
                    l.space(6);
                    l.paragraph(ReportText.DEMO, l.bold, 12, CRIT, 0);
                }
                l.space(12);
                if (r.fleet() != null) {
                    fleet(l, r.fleet());
                    l.space(12);
                }
                verdict(l, r);
                int n = 0;
                int charted = ReportLimits.charted(r.items().size());
                int startPage = 0;
                for (ReportItem item : r.items().subList(0, charted)) {
                    n++;
                    startPage = section(l, n > 1 && l.pages() > startPage, FINDING_HEAD_ROOM);
                    finding(l, text, item, n, r);
                }
                if (charted < r.items().size()) {
                    startPage = section(l, l.pages() > startPage, SECTION_HEAD_ROOM);
                    rest(l, r);
                }
                section(l, l.pages() > startPage, SECTION_HEAD_ROOM);
                trackRecord(l, r);
                l.space(10);
                l.paragraph("Appendix: the data behind this report", l.bold, 14, Color.BLACK, 0);
                l.space(4);
                l.table(AppendixFacts.of(r), 130);
                l.space(8);
                for (ReportItem i : r.items()) {
                    SeriesData d = i.data();
                    l.table(java.util.List.of(
                            new FindingFacts.Fact("Series", d.series()),
                            new FindingFacts.Fact("Points", String.format(java.util.Locale.ROOT, "%,d from %s to %s", d.points(),
                                    d.points() == 0 ? "-" : Times.local(d.fromMillis(), z), d.points() == 0 ? "-" : Times.local(d.toMillis(), z))),
                            new FindingFacts.Fact("SHA-256 of its points", d.sha256())), 130);
                    l.space(6);
                }
                l.space(6);
                l.paragraph("To check that this report still matches the data: forewarn report --verify THIS-FILE. "
                        + "The figures are attached to this PDF as " + ReportJson.PDF_ATTACHMENT + ".", l.regular, 8.5f, MUTED, 0);
            }
            attach(doc, ReportJson.toJson(r).toString().getBytes(StandardCharsets.UTF_8));
            doc.save(out);
        }
    }

    /** The PDF as bytes. */
    public static byte[] bytes(Report r) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        write(r, b);
        return b.toByteArray();
    }

    /** The fleet summary: counts, one two-column row per host finding, the total to add. */
    private static void fleet(PdfLayout l, FleetSummary f) {
        l.paragraph(FleetSummary.HEADING, l.bold, 15, Color.BLACK, 0);
        l.space(2);
        l.paragraph(f.counts(), l.regular, 11, Color.BLACK, 0);
        l.space(4);
        if (f.rows().isEmpty()) {
            l.paragraph(FleetSummary.NOTHING, l.regular, 11, Color.BLACK, 0);
        }
        for (FleetSummary.Row x : f.rows()) {
            l.table(java.util.List.of(new FindingFacts.Fact(x.instance() + " [" + x.severity() + "]",
                    x.resource() + " runs out " + x.when() + "; order by " + x.orderBy() + "; capacity to add " + x.capacity())), 130);
        }
        if (f.total() != null) {
            l.space(4);
            l.paragraph(f.total(), l.bold, 11, Color.BLACK, 0);
        }
    }

    private static void verdict(PdfLayout l, Report r) {
        Verdict v = Verdict.of(r);
        l.paragraph("Verdict", l.bold, 15, Color.BLACK, 0);
        l.space(2);
        l.paragraph(v.summary(), l.regular, 11, Color.BLACK, 0);
        int n = 0;
        for (Verdict.Line line : v.lines()) {
            n++;
            l.space(6);
            l.paragraph(n + ". [" + line.badge() + "] " + line.headline(), l.bold, 11,
                    line.badge().equals("PLAN") ? PLAN : line.badge().equals("PENDING") ? WARN : color(line.severity()), 0);
            l.paragraph(line.action(), l.regular, 11, Color.BLACK, 14);
        }
    }

    private static void finding(PdfLayout l, PdfBoxGraphics2DFontTextDrawer text, ReportItem item, int n, Report r) throws IOException {
        ZoneId z = r.zone();
        var p = item.finding().projection();
        l.paragraph(n + ". " + ReportText.headline(r, item.finding()), l.bold, 13, Color.BLACK, 0);
        l.space(4);
        l.callout(item.recommendation().action(), p.hasEta() || item.finding().severity() != dev.forewarn.rules.Severity.OK ? CRIT : OK);
        l.space(4);
        JFreeChart chart = ReportCharts.chart(item, z);
        PdfBoxGraphics2D g = new PdfBoxGraphics2D(l.doc, PdfLayout.WIDTH, CHART_HEIGHT);
        g.setFontTextDrawer(text);
        ReportCharts.draw(chart, g, PdfLayout.WIDTH, CHART_HEIGHT);
        g.dispose();
        l.form(g.getXFormObject(), PdfLayout.WIDTH, CHART_HEIGHT);
        l.space(2);
        l.paragraph(HtmlReport.caption(item, r), l.regular, 8, MUTED, 0);
        l.space(6);
        l.table(FindingFacts.of(r, item), 120);
    }

    /**
     * Starts a section (a finding, the list of the rest, the track record): on a page of its own,
     * except after a section that ran onto a new page, whose rest then takes this one when
     * {@code need} points are left there ({@code spilled}: the section before ran on). Returns the
     * page the section starts on.
     */
    private static int section(PdfLayout l, boolean spilled, float need) {
        if (spilled && l.room() >= need) {
            l.space(FINDING_GAP);
        } else {
            l.newPage();
        }
        return l.pages();
    }

    /** The findings past {@link ReportLimits#CHARTED_FINDINGS}: one row each. */
    private static void rest(PdfLayout l, Report r) {
        int total = r.items().size();
        l.paragraph(ReportLimits.restHeading(total), l.bold, 14, Color.BLACK, 0);
        l.space(2);
        l.paragraph(ReportLimits.restNote(total), l.regular, 9, MUTED, 0);
        l.space(6);
        for (int i = ReportLimits.charted(total); i < total; i++) {
            ReportItem item = r.items().get(i);
            l.table(java.util.List.of(new FindingFacts.Fact((i + 1) + ". " + ReportText.badge(item.finding()),
                    ReportText.headline(r, item.finding()) + ". " + item.recommendation().action())), 80);
        }
    }

    private static void trackRecord(PdfLayout l, Report r) {
        ZoneId z = r.zone();
        l.paragraph("Track record on this host", l.bold, 14, Color.BLACK, 0);
        l.space(4);
        if (r.trackRecord().isEmpty()) {
            l.paragraph(r.trackRecordNote(),
                    l.regular, 10, Color.BLACK, 0);
            return;
        }
        for (TrackRecordEntry t : r.trackRecord()) {
            l.table(java.util.List.of(new FindingFacts.Fact(ReportText.day(t.raisedMillis(), z), t.series() + ": predicted "
                    + (t.etaMillis() == null ? "no date" : ReportText.day(t.etaMillis(), z) + " (" + ReportText.interval(t.etaLowMillis(), t.etaHighMillis(), z) + ")")
                    + "; " + t.outcome())), 120);
        }
    }

    private static Color color(dev.forewarn.rules.Severity s) {
        return switch (s) {
            case CRITICAL -> CRIT;
            case WARNING -> WARN;
            case OK -> OK;
            case UNKNOWN -> MUTED;
        };
    }

    private static void info(PDDocument doc, Report r) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(ReportText.title(r));
        info.setSubject(Verdict.of(r).summary());
        info.setCreator("forewarn");
        info.setKeywords("forewarn; sha256=" + r.sha256());
        Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.setTimeInMillis(r.generatedMillis());
        info.setCreationDate(c);
    }

    private static void attach(PDDocument doc, byte[] json) throws IOException {
        PDEmbeddedFile ef = new PDEmbeddedFile(doc, new ByteArrayInputStream(json));
        ef.setSubtype("application/json");
        ef.setSize(json.length);
        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile(ReportJson.PDF_ATTACHMENT);
        spec.setFileUnicode(ReportJson.PDF_ATTACHMENT);
        spec.setEmbeddedFile(ef);
        spec.setEmbeddedFileUnicode(ef);
        spec.setFileDescription("The figures of this report, for forewarn report --verify");
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(Map.of(ReportJson.PDF_ATTACHMENT, spec));
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
        names.setEmbeddedFiles(tree);
        doc.getDocumentCatalog().setNames(names);
    }

    /** The JSON attached to a PDF written by {@link #write}, or null when there is none. */
    public static String attachedJson(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
            if (names == null || names.getEmbeddedFiles() == null || names.getEmbeddedFiles().getNames() == null) {
                return null;
            }
            PDComplexFileSpecification spec = names.getEmbeddedFiles().getNames().get(ReportJson.PDF_ATTACHMENT);
            if (spec == null || spec.getEmbeddedFile() == null) {
                return null;
            }
            return new String(spec.getEmbeddedFile().toByteArray(), StandardCharsets.UTF_8);
        }
    }
}
