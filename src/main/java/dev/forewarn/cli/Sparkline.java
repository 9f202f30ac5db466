package dev.forewarn.cli;

/**
 * Draws recent values as a sparkline of block characters, scaled between the lowest and the
 * highest value shown, so a slow fill is visible; a series that barely moves (less than 0.1 %
 * of its level) is drawn flat at mid height rather than as amplified noise. Missing points
 * (NaN) are blanks. Hand-written: eight glyphs and a scale, no library needed.
 */
public final class Sparkline {

    private static final char[] UNICODE = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};
    private static final char[] ASCII = {'_', '.', ',', '-', '~', '=', '+', '#'};

    private Sparkline() {
    }

    /**
     * The values as exactly {@code width} characters: more values than characters are averaged
     * in equal groups, fewer are right-aligned (the newest at the right edge).
     */
    public static String of(double[] values, int width, boolean unicode) {
        if (values != null && width > 0 && values.length > width) {
            values = squeeze(values, width);
        }
        char[] glyphs = unicode ? UNICODE : ASCII;
        char[] out = new char[Math.max(0, width)];
        java.util.Arrays.fill(out, ' ');
        if (width <= 0 || values == null || values.length == 0) {
            return new String(out);
        }
        int from = Math.max(0, values.length - width);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < values.length; i++) {
            double v = values[i];
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) {
            return new String(out);
        }
        double range = max - min;
        boolean flat = range <= 1e-3 * Math.max(Math.abs(max), Math.abs(min)) || range == 0;
        int offset = width - (values.length - from);
        for (int i = from; i < values.length; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                continue;
            }
            int level = flat ? glyphs.length / 2 - 1 : (int) Math.round((v - min) / range * (glyphs.length - 1));
            out[offset + i - from] = glyphs[Math.max(0, Math.min(glyphs.length - 1, level))];
        }
        return new String(out);
    }

    /** Means of {@code width} equal groups of the values, NaN for a group with no value. */
    static double[] squeeze(double[] values, int width) {
        double[] out = new double[width];
        for (int j = 0; j < width; j++) {
            int lo = (int) ((long) j * values.length / width);
            int hi = (int) ((long) (j + 1) * values.length / width);
            double sum = 0;
            int n = 0;
            for (int i = lo; i < hi; i++) {
                if (!Double.isNaN(values[i])) {
                    sum += values[i];
                    n++;
                }
            }
            out[j] = n == 0 ? Double.NaN : sum / n;
        }
        return out;
    }
}
