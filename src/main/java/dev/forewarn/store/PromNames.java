package dev.forewarn.store;

/**
 * How forewarn metric names appear in Prometheus/OpenMetrics text: {@code forewarn_} in front
 * and every character Prometheus does not allow in a name (the dots) as {@code _}:
 * {@code fs.avail_bytes} is {@code forewarn_fs_avail_bytes}. Because that cannot be undone by
 * rule ({@code a.b_c} and {@code a_b.c} look the same), each family's {@code # HELP} line
 * carries the original name ({@code forewarn metric fs.avail_bytes}); the importer reads it
 * back. Names without such a HELP line (node_exporter's, say) are imported as they are.
 */
public final class PromNames {

    static final String PREFIX = "forewarn_";
    static final String HELP_PREFIX = "forewarn metric ";

    private PromNames() {
    }

    /** The sample name of a forewarn metric: {@code disk.read_bytes_total} → {@code forewarn_disk_read_bytes_total}. */
    public static String sampleName(String name) {
        StringBuilder sb = new StringBuilder(PREFIX.length() + name.length()).append(PREFIX);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            sb.append((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == ':' ? c : '_');
        }
        return sb.toString();
    }

    /** True for names stored raw as counters ({@code _total}), typed {@code counter} on export. */
    static boolean isCounter(String name) {
        return name.endsWith("_total");
    }

    /** The family name: the sample name, without {@code _total} for a counter (OpenMetrics). */
    static String familyName(String name) {
        String s = sampleName(name);
        return isCounter(name) ? s.substring(0, s.length() - "_total".length()) : s;
    }

    /** A label value with OpenMetrics escapes: backslash, double quote, newline. */
    static String escape(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A label name valid in Prometheus: other characters as {@code _}. */
    static String labelName(String label) {
        StringBuilder sb = new StringBuilder(label.length());
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (i > 0 && c >= '0' && c <= '9');
            sb.append(ok ? c : '_');
        }
        return sb.toString();
    }
}
