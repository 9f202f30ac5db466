package dev.forewarn.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The text a person reads in a report, as words: what a browser shows of the HTML (jsoup's
 * text of the body, chart labels included, the embedded JSON not), what PDFBox extracts from
 * every page of the PDF, and the Markdown source without its trailing data comment. Words are
 * split on white space, so line breaks and wrapping never count as a difference.
 */
public final class VisibleText {

    private VisibleText() {
    }

    /** The words a reader sees in an HTML report. */
    public static List<String> html(String html) {
        Document d = Jsoup.parse(html);
        d.select("script, style").remove();
        return words(d.title() + " " + d.body().text());
    }

    /** The words of a Markdown report, without the machine-readable comment at its end. */
    public static List<String> markdown(String md) {
        String comment = "<!-- " + ReportJson.EMBED_ID + " ";
        int i = md.lastIndexOf(comment);
        return words(i < 0 ? md : md.substring(0, i));
    }

    /** The words on the pages of a PDF report. */
    public static List<String> pdf(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return words(new PDFTextStripper().getText(doc));
        }
    }

    /** The words of a JSON report, its generation time and provenance left out (they differ by design). */
    public static List<String> json(com.fasterxml.jackson.databind.JsonNode n) {
        com.fasterxml.jackson.databind.node.ObjectNode o = ((com.fasterxml.jackson.databind.node.ObjectNode) n).deepCopy();
        o.remove("generated");
        o.remove("made_by");
        return words(o.toPrettyString());
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.split("[\\s\\u00a0]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
