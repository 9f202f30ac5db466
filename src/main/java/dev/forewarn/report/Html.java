package dev.forewarn.report;

/** HTML text escaping: every label and value the report writes goes through here. */
final class Html {

    private Html() {
    }

    /** Escapes for element content and double-quoted attributes; control and bidi characters shown through {@link dev.forewarn.series.SafeText}. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        String s = dev.forewarn.series.SafeText.line(text);
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
