package dev.forewarn.series;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The one number formatter for people (text, reports, rules explain, top, the reasons the
 * engine gives): three significant figures, never scientific notation, a real minus sign
 * (U+2212) for negative values. Whole numbers under a million are exact and grouped
 * ({@code 1,204}); larger magnitudes are named ({@code 283 million}, {@code 1.5 billion}), so
 * "mean error 2.83e+08" reads "mean error 283 million". {@link Units} adds the unit of a metric
 * and {@link Times#human} the durations on top of this. Machine outputs (JSON, CSV, perfdata)
 * keep full precision and do not use it.
 */
public final class Human {

    /** The minus sign every human surface uses. */
    public static final String MINUS = "\u2212";

    private static final MathContext THREE = new MathContext(3, RoundingMode.HALF_EVEN);
    private static final String[] LARGE = {"million", "billion", "trillion", "quadrillion", "quintillion"};

    private Human() {
    }

    /** {@code 77}, {@code 2.05}, {@code 0.00123}, {@code 1,204}, {@code 283,000}, {@code 4.2 million}; {@code n/a} when not finite. */
    public static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "n/a";
        }
        if (v == 0) {
            return "0";
        }
        String sign = v < 0 ? MINUS : "";
        double a = Math.abs(v);
        if (a == Math.rint(a) && a < 1e6) {
            return sign + String.format(Locale.ROOT, "%,d", (long) a);
        }
        BigDecimal r = new BigDecimal(a).round(THREE);
        if (r.compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
            int thousands = (r.precision() - r.scale() - 1) / 3; // 2 for millions, 3 for billions
            int word = Math.min(LARGE.length - 1, thousands - 2);
            return sign + plain(r.movePointLeft(3 * (word + 2))) + " " + LARGE[word];
        }
        return sign + plain(r);
    }

    /** A signed number: {@code +2.05}, {@code −0.3}, {@code 0}. */
    public static String signed(double v) {
        String n = number(v);
        return v > 0 && Double.isFinite(v) ? "+" + n : n;
    }

    /** Decimal digits of a rounded value, trailing zeros dropped, thousands grouped. */
    private static String plain(BigDecimal r) {
        BigDecimal s = r.stripTrailingZeros();
        if (s.scale() <= 0) {
            return String.format(Locale.ROOT, "%,d", s.toBigInteger());
        }
        return s.toPlainString();
    }
}
