package dev.forewarn.report;

import dev.forewarn.series.Units;
import dev.forewarn.forecast.ProjectedPath;
import dev.forewarn.forecast.Projection;
import dev.forewarn.series.Series;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.text.DateFormat;
import java.text.SimpleDateFormat;
import java.time.ZoneId;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The chart of one finding: history, the engine's own simulated future ({@link ProjectedPath}:
 * the median of its simulated paths as a dashed line, their band at the projection's confidence
 * shaded), the threshold line, the crossing marked and its interval shaded on the time axis. A
 * projection without a path draws no trend at all: nothing is rebuilt from the facts.
 *
 * <p>JFreeChart because it draws on any {@link Graphics2D}: the same chart becomes inline SVG
 * for HTML and Markdown through JFreeSVG, and real vector graphics in the PDF through
 * rototor's pdfbox-graphics2d, so the printed report stays sharp at any zoom. (XChart can do
 * SVG and PDF too, but only through its own exporters, not into a page we lay out ourselves.)
 */
public final class ReportCharts {

    static final Color HISTORY = new Color(0x1f, 0x4e, 0x79);
    static final Color TREND = new Color(0xc0, 0x39, 0x2b);
    static final Color FAN = new Color(0xc0, 0x39, 0x2b, 0x38);
    static final Color THRESHOLD = new Color(0x11, 0x11, 0x11);
    static final Color ETA_BAND = new Color(0xf3, 0x9c, 0x12, 0x40);
    static final String FONT = "DejaVu Sans";
    /** Legend of the drawn median path. */
    static final String MEDIAN = "median of simulated paths";
    private static final long DAY_MILLIS = 86_400_000L;
    /** The shortest stretch a chart shows. */
    static final long MIN_SPAN_MILLIS = 15 * 60_000L;
    /** A date label's width as a share of the time axis (about 45 of 700 points), with a margin. */
    private static final double LABEL_SHARE = 0.1;
    private static final BasicStroke DASHED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f);

    private ReportCharts() {
    }

    /** The chart for one report item; its text is the item's own, dates in {@code zone}. */
    public static JFreeChart chart(ReportItem item, ZoneId zone) {
        Projection p = item.finding().projection();
        Units units = Units.ofProjected(p.series());

        XYSeriesCollection lines = new XYSeriesCollection();
        XYSeries history = new XYSeries("history", false, true);
        Series h = item.history();
        for (int i = 0; i < h.size(); i++) {
            if (!Double.isNaN(h.value(i))) {
                history.add(h.timeMillis(i), h.value(i), false);
            }
        }
        lines.addSeries(history);
        ProjectedPath path = p.path();
        XYSeries median = new XYSeries(MEDIAN, false, true);
        YIntervalSeriesCollection fanData = new YIntervalSeriesCollection();
        YIntervalSeries fan = new YIntervalSeries(band(p));
        if (path != null) {
            // exactly the engine's points: nothing is fitted, smoothed or joined to the history here
            for (int i = 0; i < path.timesMillis().length; i++) {
                median.add(path.timesMillis()[i], path.median()[i], false);
                fan.add(path.timesMillis()[i], path.median()[i], path.low()[i], path.high()[i]);
            }
        }
        // an empty series would still put a legend entry for a line that is not there
        if (median.getItemCount() > 0) {
            lines.addSeries(median);
            fanData.addSeries(fan);
        }

        DateAxis time = new DateAxis(null);
        time.setTimeZone(TimeZone.getTimeZone(zone));
        time.setStandardTickUnits(tickUnits(zone));
        time.setLabelFont(new Font(FONT, Font.PLAIN, 11));
        time.setTickLabelFont(new Font(FONT, Font.PLAIN, 10));
        NumberAxis value = new NumberAxis(ReportText.resource(p.series()));
        value.setNumberFormatOverride(new HumanNumberFormat(units, neverNegative(h, p)));
        value.setLabelFont(new Font(FONT, Font.PLAIN, 11));
        value.setTickLabelFont(new Font(FONT, Font.PLAIN, 10));

        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        lineRenderer.setSeriesPaint(0, HISTORY);
        lineRenderer.setSeriesStroke(0, new BasicStroke(1.2f));
        lineRenderer.setSeriesPaint(1, TREND);
        lineRenderer.setSeriesStroke(1, DASHED);
        DeviationRenderer fanRenderer = new DeviationRenderer(true, false);
        fanRenderer.setSeriesPaint(0, TREND);
        fanRenderer.setSeriesFillPaint(0, FAN);
        fanRenderer.setAlpha(1f);
        // the shade only: the median is drawn once, by the line renderer
        fanRenderer.setSeriesLinesVisible(0, false);

        XYPlot plot = new XYPlot(lines, time, value, lineRenderer);
        plot.setDataset(1, fanData);
        plot.setRenderer(1, fanRenderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setOutlineVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);

        ValueMarker threshold = new ValueMarker(p.threshold(), THRESHOLD, new BasicStroke(1.4f));
        // a growth verdict compares with an earlier level, not a limit
        threshold.setLabel(p.series().name().startsWith("smart.") ? "earlier level " + units.format(p.threshold()) : "limit " + p.thresholdShown());
        threshold.setLabelFont(new Font(FONT, Font.BOLD, 10));
        threshold.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        threshold.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        threshold.setLabelOffset(new RectangleInsets(2, 4, 2, 4));
        threshold.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        plot.addRangeMarker(threshold, Layer.FOREGROUND);

        long[] window = window(item);
        ValueMarker now = new ValueMarker(p.atMillis(), Color.GRAY, new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {2f, 3f}, 0f));
        now.setLabel("now");
        now.setLabelFont(new Font(FONT, Font.PLAIN, 9));
        now.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        now.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        now.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        now.setLabelPaint(Color.GRAY);
        plot.addDomainMarker(now, Layer.BACKGROUND);
        if (p.hasEta()) {
            long lo = p.etaLowMillis() != null ? p.etaLowMillis() : p.etaMillis();
            long hi = p.etaHighMillis() != null ? p.etaHighMillis() : ReportBuilder.chartEnd(p);
            IntervalMarker band = new IntervalMarker(lo, hi, ETA_BAND);
            plot.addDomainMarker(band, Layer.BACKGROUND);
            ValueMarker eta = new ValueMarker(p.etaMillis(), TREND, new BasicStroke(1.6f));
            eta.setLabel(format("d MMM", zone).format(new java.util.Date(p.etaMillis())));
            eta.setLabelFont(new Font(FONT, Font.BOLD, 11));
            eta.setLabelPaint(TREND);
            if (etaLabelRight(p, window)) {
                // left of the line it would cover the "now" label
                eta.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                eta.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            } else {
                // the label sits left of the line: the chart's right edge is close
                eta.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                eta.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            }
            eta.setLabelBackgroundColor(Color.WHITE);
            band.setLabelBackgroundColor(new Color(255, 255, 255, 0));
            plot.addDomainMarker(eta, Layer.FOREGROUND);
        }
        fitRange(plot, value, item, p, window);
        // "now" sits at the top of its line unless the history ends there or the limit runs there
        double[] taken = {lastShare(item.history(), value), (p.threshold() - value.getLowerBound()) / (value.getUpperBound() - value.getLowerBound())};
        if (taken(taken, 0.88, 1.0)) {
            boolean bottom = !taken(taken, 0.0, 0.12);
            now.setLabelAnchor(bottom ? RectangleAnchor.BOTTOM_LEFT : RectangleAnchor.LEFT);
            now.setLabelTextAnchor(bottom ? TextAnchor.BOTTOM_RIGHT : TextAnchor.CENTER_RIGHT);
        }
        plot.setFixedLegendItems(legend(median.getItemCount() > 0, p));

        JFreeChart chart = new JFreeChart(null, new Font(FONT, Font.BOLD, 13), plot, true);
        chart.getLegend().setItemFont(new Font(FONT, Font.PLAIN, 10));
        chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        chart.setBackgroundPaint(Color.WHITE);
        // a tick's date is centred on its tick, and the axis may end just after one: half a label's room on the right
        RectangleInsets pad = chart.getPadding();
        chart.setPadding(new RectangleInsets(pad.getTop(), pad.getLeft(), pad.getBottom(), Math.max(pad.getRight(), RIGHT_PADDING)));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        return chart;
    }

    /** Room (points) right of the plot for half of a tick's date ("28 Nov" at 10 points is about 32 wide). */
    static final double RIGHT_PADDING = 20;

    /** The legend names what is drawn and nothing else. */
    private static LegendItemCollection legend(boolean path, Projection p) {
        LegendItemCollection items = new LegendItemCollection();
        Line2D line = new Line2D.Double(-7, 0, 7, 0);
        Rectangle2D box = new Rectangle2D.Double(-6, -4, 12, 8);
        items.add(new LegendItem("history", null, null, null, line, new BasicStroke(1.2f), HISTORY));
        if (path) {
            items.add(new LegendItem(MEDIAN, null, null, null, line, DASHED, TREND));
            items.add(new LegendItem(band(p), null, null, null, box, FAN));
        }
        for (int i = 0; i < items.getItemCount(); i++) {
            items.get(i).setLabelFont(new Font(FONT, Font.PLAIN, 10));
        }
        return items;
    }

    /** The band's legend: the engine's own quantiles at the projection's confidence. */
    static String band(Projection p) {
        return ReportText.percent(p.confidence()) + " band of simulated paths";
    }

    /**
     * The stretch of time drawn, {@code {fromMillis, toMillis}}: the whole simulated path, and
     * of the past three times as much, at least 7 days (30 without a path, so a verdict without
     * a trend, a growing error count, shows its history), so the future and its band are never
     * squeezed into a sliver at the right edge. Without a path the fit's window is shown whole.
     */
    public static long[] window(ReportItem item) {
        Projection p = item.finding().projection();
        Series h = item.history();
        boolean path = p.path() != null && p.path().timesMillis().length > 0;
        long to = path ? p.path().timesMillis()[p.path().timesMillis().length - 1] : p.atMillis();
        long from = p.atMillis() - Math.max(3 * (to - p.atMillis()), (path ? 7L : 30L) * DAY_MILLIS);
        if (!path && p.fit() != null) {
            from = Math.min(from, p.fit().fromMillis());
        }
        if (!h.isEmpty()) {
            from = Math.max(from, h.firstMillis());
        }
        // a few minutes of history stay the width of the chart: widening runs into the past,
        // never a day into an empty future with the points in a sliver at the left edge
        return new long[] {Math.min(from, to - MIN_SPAN_MILLIS), to};
    }

    /** A quantity that never went below zero toward a limit at or above it (free space, available memory). */
    static boolean neverNegative(Series h, Projection p) {
        if (p.threshold() < 0) {
            return false;
        }
        for (int i = 0; i < h.size(); i++) {
            if (h.value(i) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Where the history's last value lies on the value axis, 0 at the bottom to 1 at the top (NaN: no value). */
    static double lastShare(Series h, NumberAxis axis) {
        for (int i = h.size() - 1; i >= 0; i--) {
            if (!Double.isNaN(h.value(i))) {
                return (h.value(i) - axis.getLowerBound()) / (axis.getUpperBound() - axis.getLowerBound());
            }
        }
        return Double.NaN;
    }

    /** Whether any of the shares lies in {@code [from, to]} of the value axis. */
    private static boolean taken(double[] shares, double from, double to) {
        for (double s : shares) {
            if (s >= from && s <= to) {
                return true;
            }
        }
        return false;
    }

    /**
     * The crossing's date goes right of its line when the "now" line is so close on its left
     * that the two labels would overlap, and there is room before the chart's right edge.
     */
    static boolean etaLabelRight(Projection p, long[] window) {
        double span = window[1] - window[0];
        return (p.etaMillis() - p.atMillis()) / span < LABEL_SHARE && (window[1] - p.etaMillis()) / span > LABEL_SHARE;
    }

    /**
     * The value range: the history, the threshold and the drawn median in the window (not the
     * whole band, which can run off to infinity), so no drawn line leaves the chart.
     */
    private static void fitRange(XYPlot plot, NumberAxis axis, ReportItem item, Projection p, long[] window) {
        Series h = item.history();
        long from = window[0];
        ((DateAxis) plot.getDomainAxis()).setRange(from, window[1]);
        double lo = p.threshold();
        double hi = p.threshold();
        for (int i = h.lowerBound(from); i < h.size(); i++) {
            double v = h.value(i);
            if (!Double.isNaN(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (p.value() != null) {
            lo = Math.min(lo, p.value());
            hi = Math.max(hi, p.value());
        }
        ProjectedPath path = p.path();
        if (path != null) {
            for (int i = 0; i < path.timesMillis().length; i++) {
                double v = path.median()[i];
                if (path.timesMillis()[i] <= window[1] && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (hi == lo) {
            hi = lo + Math.max(1, Math.abs(lo) * 0.1);
        }
        double pad = (hi - lo) * 0.06;
        axis.setRange(lo - pad, hi + pad);
    }

    /**
     * Tick labels in the report's one date style ({@code 7 Nov}, never {@code 7-Nov} beside
     * {@code Oct-2026}): days and months as day and month, hours with the day, minutes alone.
     */
    static TickUnits tickUnits(ZoneId zone) {
        TickUnits units = new TickUnits();
        DateFormat minutes = format("HH:mm", zone);
        DateFormat hours = format("d MMM HH:mm", zone);
        DateFormat days = format("d MMM", zone);
        DateFormat years = format("yyyy", zone);
        for (int n : new int[] {1, 2, 5, 10, 15, 30}) {
            units.add(new DateTickUnit(DateTickUnitType.MINUTE, n, minutes));
        }
        for (int n : new int[] {1, 2, 4, 6, 12}) {
            units.add(new DateTickUnit(DateTickUnitType.HOUR, n, hours));
        }
        for (int n : new int[] {1, 2, 7, 14}) {
            units.add(new DateTickUnit(DateTickUnitType.DAY, n, days));
        }
        for (int n : new int[] {1, 2, 3, 6}) {
            units.add(new DateTickUnit(DateTickUnitType.MONTH, n, days));
        }
        for (int n : new int[] {1, 2, 5, 10}) {
            units.add(new DateTickUnit(DateTickUnitType.YEAR, n, years));
        }
        return units;
    }

    private static DateFormat format(String pattern, ZoneId zone) {
        SimpleDateFormat f = new SimpleDateFormat(pattern, Locale.ENGLISH);
        f.setTimeZone(TimeZone.getTimeZone(zone));
        return f;
    }

    /** Draws the chart into an area of any Graphics2D (SVG, PDF, PNG). */
    public static void draw(JFreeChart chart, Graphics2D g, double width, double height) {
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
    }
}
