package dev.forewarn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

class PdfLayoutTest {

    /** 10,000 characters: words of every length, and one unbroken run wider than many lines. */
    private static String longLabel() {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (b.length() < 7_000) {
            b.append("word".repeat(1 + i % 5)).append(i++).append(' ');
        }
        b.append("x".repeat(10_000 - b.length()));
        return b.toString();
    }

    @Test
    void tenThousandCharacterLabelWrapsQuicklyAndEveryLineFitsTheWidth() throws Exception {
        String label = longLabel();
        try (PDDocument doc = new PDDocument(); PdfLayout layout = new PdfLayout(doc)) {
            float size = 8.8f;
            float width = PdfLayout.WIDTH - 120;
            List<String> lines = assertTimeoutPreemptively(Duration.ofSeconds(1),
                    () -> PdfLayout.wrap(label, layout.regular, size, width));
            assertTrue(lines.size() > 20, "wrapped into many lines: " + lines.size());
            for (String line : lines) {
                float w = layout.regular.getStringWidth(line) / 1000f * size;
                assertTrue(w <= width, "line of width " + w + " over " + width + ": " + line);
            }
            // nothing lost or added but the spaces the breaks replaced
            assertEquals(label.replace(" ", ""), String.join("", lines).replace(" ", ""));
            // a full line is full: the next word or character would not have fitted
            String first = lines.get(0);
            String next = lines.get(1).split(" ")[0];
            assertTrue(layout.regular.getStringWidth(first + " " + next) / 1000f * size > width);
        }
    }
}
