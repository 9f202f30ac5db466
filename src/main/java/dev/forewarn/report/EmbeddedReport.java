package dev.forewarn.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the machine-readable report back out of any format forewarn writes: the JSON itself,
 * the {@code <script type="application/json">} block of the HTML, the trailing comment of the
 * Markdown, or the attachment of the PDF.
 */
public final class EmbeddedReport {

    private EmbeddedReport() {
    }

    /**
     * The report JSON in a file's bytes.
     *
     * @throws IllegalArgumentException when the bytes hold no forewarn report
     */
    public static JsonNode read(byte[] bytes) throws IOException {
        String json;
        if (bytes.length >= 4 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F') {
            json = PdfReport.attachedJson(bytes);
        } else {
            json = extract(new String(bytes, StandardCharsets.UTF_8));
        }
        if (json == null) {
            throw new IllegalArgumentException("no forewarn report data found in the file: is it a report written by 'forewarn report'?");
        }
        JsonNode n = ProjectionJson.MAPPER.readTree(json);
        if (n == null || !n.has("findings") || !n.has("appendix")) {
            throw new IllegalArgumentException("the report data in the file is incomplete (no findings or appendix)");
        }
        return n;
    }

    /** The JSON text inside a JSON, HTML or Markdown report, or null. */
    static String extract(String text) {
        String t = text.strip();
        if (t.startsWith("{")) {
            return t;
        }
        String open = "id=\"" + ReportJson.EMBED_ID + "\">";
        int i = t.indexOf(open);
        if (i >= 0) {
            int end = t.indexOf("</script>", i);
            return end < 0 ? null : t.substring(i + open.length(), end);
        }
        String comment = "<!-- " + ReportJson.EMBED_ID + " ";
        i = t.lastIndexOf(comment);
        if (i >= 0) {
            int end = t.indexOf(" -->", i);
            return end < 0 ? null : t.substring(i + comment.length(), end);
        }
        return null;
    }
}
