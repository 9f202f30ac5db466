package dev.forewarn.cli;

/**
 * A one-line chart of values in Unicode block characters ({@code ▁▂▃▄▅▆▇█}), scaled between the
 * minimum and the maximum; more values than columns are averaged per column, NaN is a blank.
 */
final class Sparkline {

    private static final char[] BARS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};

    private Sparkline() {
    }

    static String of(double[] values, int width) {
        if (values.length == 0 || width <= 0) {
            return "";
        }
        int columns = Math.min(width, values.length);
        double[] col = new double[columns];
        for (int c = 0; c < columns; c++) {
            int from = (int) ((long) c * values.length / columns);
            int to = (int) ((long) (c + 1) * values.length / columns);
            double sum = 0;
            int n = 0;
            for (int i = from; i < to; i++) {
                if (!Double.isNaN(values[i])) {
                    sum += values[i];
                    n++;
                }
            }
            col[c] = n == 0 ? Double.NaN : sum / n;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : col) {
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        StringBuilder sb = new StringBuilder(columns);
        for (double v : col) {
            if (Double.isNaN(v)) {
                sb.append(' ');
            } else if (max <= min) {
                sb.append(BARS[3]);
            } else {
                int k = (int) Math.round((v - min) / (max - min) * (BARS.length - 1));
                sb.append(BARS[Math.max(0, Math.min(BARS.length - 1, k))]);
            }
        }
        return sb.toString();
    }
}
