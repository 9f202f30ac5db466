package dev.forewarn.report;

import dev.forewarn.series.Units;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/** Axis labels in the metric's unit ({@code 20 GB}, {@code 45 %}) for JFreeChart's number axis. */
final class HumanNumberFormat extends NumberFormat {

    private final Units units;
    private final boolean nonNegative;

    HumanNumberFormat(Units units) {
        this(units, false);
    }

    /**
     * @param nonNegative the quantity cannot be below zero (free bytes): ticks below zero stay
     *                    blank, so a median path simulated past the floor does not label the
     *                    axis "−500 MB" of available memory
     */
    HumanNumberFormat(Units units, boolean nonNegative) {
        this.units = units;
        this.nonNegative = nonNegative;
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        if (nonNegative && number < 0) {
            return toAppendTo;
        }
        String s = units.format(number);
        // axis ticks read cleaner without trailing zeros: "20.0 GB" -> "20 GB"
        return toAppendTo.append(s.replaceAll("\\.0+ ", " ").replaceAll("(\\.\\d*[1-9])0+ ", "$1 "));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return format((double) number, toAppendTo, pos);
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        return null;
    }
}
