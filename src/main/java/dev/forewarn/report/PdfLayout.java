package dev.forewarn.report;

import dev.forewarn.series.Units;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * A top-to-bottom page writer over PDFBox: A4 pages, wrapped paragraphs, label/value tables,
 * placed forms (charts), new pages when the space runs out. PDFBox has no layout engine, and
 * the report needs only these few blocks, so this is the small one it needs. Text is real text
 * (extractable, searchable) in DejaVu Sans when installed, else Helvetica with the characters
 * it cannot show replaced. Units: PDF points (1/72 inch).
 */
final class PdfLayout implements AutoCloseable {

    static final float MARGIN = 50f;
    static final PDRectangle PAGE = PDRectangle.A4;
    static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;

    private static final String[] FONT_DIRS = {"/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/TTF", "/usr/share/fonts/dejavu"};

    final PDDocument doc;
    final PDFont regular;
    final PDFont bold;
    final PDFont mono;
    private PDPageContentStream cs;
    private float y;
    private int pages;

    PdfLayout(PDDocument doc) {
        this.doc = doc;
        this.regular = font(doc, "DejaVuSans.ttf", Standard14Fonts.FontName.HELVETICA);
        this.bold = font(doc, "DejaVuSans-Bold.ttf", Standard14Fonts.FontName.HELVETICA_BOLD);
        this.mono = font(doc, "DejaVuSansMono.ttf", Standard14Fonts.FontName.COURIER);
    }

    private static PDFont font(PDDocument doc, String file, Standard14Fonts.FontName fallback) {
        for (String dir : FONT_DIRS) {
            Path p = Path.of(dir, file);
            if (Files.isReadable(p)) {
                try {
                    return PDType0Font.load(doc, p.toFile());
                } catch (IOException e) {
                    break;
                }
            }
        }
        return new PDType1Font(fallback);
    }

    /** Starts a new page. */
    void newPage() {
        closeStream();
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        pages++;
        try {
            cs = new PDPageContentStream(doc, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = PAGE.getHeight() - MARGIN;
    }

    /** Makes room for {@code height} points, starting a new page if they do not fit. */
    void ensure(float height) {
        if (cs == null || y - height < MARGIN) {
            newPage();
        }
    }

    /** Points left on the current page above the bottom margin (0 before the first page). */
    float room() {
        return cs == null ? 0 : Math.max(0, y - MARGIN);
    }

    void space(float points) {
        y -= points;
    }

    /** A wrapped paragraph; returns its height. */
    float paragraph(String text, PDFont font, float size, Color color, float indent) {
        List<String> lines = wrap(safe(font, text), font, size, WIDTH - indent);
        float lead = size * 1.35f;
        for (String line : lines) {
            ensure(lead);
            y -= lead;
            text(line, font, size, color, MARGIN + indent, y + size * 0.3f);
        }
        return lines.size() * lead;
    }

    /** A paragraph with a coloured bar on its left, for the recommendation. */
    void callout(String text, Color bar) {
        float size = 11f;
        List<String> lines = wrap(safe(bold, text), bold, size, WIDTH - 14);
        float h = lines.size() * size * 1.35f + 8;
        ensure(h);
        fill(bar, MARGIN, y - h, 3.5f, h);
        y -= 4;
        paragraph(text, bold, size, Color.BLACK, 12);
        y -= 4;
    }

    /** Label/value rows; the value wraps in the right column. */
    void table(List<FindingFacts.Fact> rows, float labelWidth) {
        float size = 8.8f;
        float lead = size * 1.35f;
        for (FindingFacts.Fact r : rows) {
            boolean hash = r.isHash();
            PDFont vf = hash ? mono : regular;
            List<String> label = wrap(safe(regular, r.label()), regular, size, labelWidth - 6);
            List<String> value = wrap(safe(vf, r.value()), vf, size, WIDTH - labelWidth);
            int n = Math.max(label.size(), value.size());
            ensure(n * lead + 4);
            float top = y;
            for (int i = 0; i < n; i++) {
                y -= lead;
                if (i < label.size()) {
                    text(label.get(i), regular, size, new Color(0x5d, 0x6b, 0x78), MARGIN, y + size * 0.3f);
                }
                if (i < value.size()) {
                    text(value.get(i), vf, size, Color.BLACK, MARGIN + labelWidth, y + size * 0.3f);
                }
            }
            y -= 3;
            fill(new Color(0xd9, 0xde, 0xe3), MARGIN, y, WIDTH, 0.5f);
            y -= 1;
            if (top - y > PAGE.getHeight()) {
                break;
            }
        }
    }

    /** Places a form (a chart) of the given size at the full text width. */
    void form(PDFormXObject form, float width, float height) {
        ensure(height);
        y -= height;
        try {
            cs.saveGraphicsState();
            cs.transform(Matrix.getTranslateInstance(MARGIN, y));
            cs.drawForm(form);
            cs.restoreGraphicsState();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A filled rectangle, x and y from the bottom-left. */
    void fill(Color c, float x, float yy, float w, float h) {
        try {
            cs.setNonStrokingColor(c);
            cs.addRect(x, yy, w, h);
            cs.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line of text at a position; returns its width. */
    float text(String s, PDFont font, float size, Color color, float x, float baseline) {
        try {
            cs.beginText();
            cs.setNonStrokingColor(color);
            cs.setFont(font, size);
            cs.newLineAtOffset(x, baseline);
            String safe = safe(font, s);
            cs.showText(safe);
            cs.endText();
            return width(font, safe, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    float y() {
        return y;
    }

    int pages() {
        return pages;
    }

    /**
     * Text wrapped to a width at spaces; words wider than a line (hashes, series keys) break
     * anywhere. Each character is measured once (a PDF string's width is the sum of its glyphs'
     * advances), so the time is linear in the text's length: measuring every growing prefix
     * again made a 2,000-character label take minutes.
     */
    static List<String> wrap(String text, PDFont font, float size, float width) {
        Map<Integer, Float> glyph = new HashMap<>();
        float space = charWidth(font, ' ', size, glyph);
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float lineWidth = 0f;
        for (String word : text.split(" ")) {
            float wordWidth = 0f;
            for (int i = 0; i < word.length(); i = word.offsetByCodePoints(i, 1)) {
                wordWidth += charWidth(font, word.codePointAt(i), size, glyph);
            }
            float candidate = line.length() == 0 ? wordWidth : lineWidth + space + wordWidth;
            if (candidate <= width) {
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(word);
                lineWidth = candidate;
                continue;
            }
            if (line.length() > 0) {
                out.add(line.toString());
                line.setLength(0);
                lineWidth = 0f;
            }
            if (wordWidth <= width) {
                line.append(word);
                lineWidth = wordWidth;
                continue;
            }
            // a word wider than a line: as many characters as fit on each line, at least one
            int from = 0;
            float run = 0f;
            for (int i = 0; i < word.length(); i = word.offsetByCodePoints(i, 1)) {
                float w = charWidth(font, word.codePointAt(i), size, glyph);
                if (run + w > width && i > from) {
                    out.add(word.substring(from, i));
                    from = i;
                    run = 0f;
                }
                run += w;
            }
            line.append(word, from, word.length());
            lineWidth = run;
        }
        if (line.length() > 0 || out.isEmpty()) {
            out.add(line.toString());
        }
        return out;
    }

    private static float charWidth(PDFont font, int codePoint, float size, Map<Integer, Float> cache) {
        return cache.computeIfAbsent(codePoint, cp -> width(font, new String(Character.toChars(cp)), size));
    }

    static float width(PDFont font, String s, float size) {
        try {
            return font.getStringWidth(s) / 1000f * size;
        } catch (IOException | IllegalArgumentException e) {
            return s.length() * size * 0.6f;
        }
    }

    /** The text with control characters removed and characters the font lacks replaced by '?'. */
    static String safe(PDFont font, String s) {
        String clean = s.replaceAll("[\\p{Cntrl}]", " ");
        try {
            font.encode(clean);
            return clean;
        } catch (IOException | IllegalArgumentException e) {
            StringBuilder b = new StringBuilder();
            clean.codePoints().forEach(cp -> {
                String c = new String(Character.toChars(cp));
                try {
                    font.encode(c);
                    b.append(c);
                } catch (IOException | IllegalArgumentException x) {
                    b.append(cp == 0x2212 ? "-" : "?");
                }
            });
            return b.toString();
        }
    }

    private void closeStream() {
        if (cs != null) {
            try {
                cs.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            cs = null;
        }
    }

    @Override
    public void close() {
        closeStream();
    }
}
