package dev.forewarn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.forecast.Direction;
import dev.forewarn.forecast.ForecastEngine;
import dev.forewarn.forecast.ForecastRequest;
import dev.forewarn.forecast.ProjectedPath;
import dev.forewarn.forecast.Projection;
import dev.forewarn.rules.Finding;
import dev.forewarn.rules.RuleSource;
import dev.forewarn.rules.Severity;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;

/** The chart draws the engine's own simulated path and band, and only what it draws is named. */
class ReportChartsTest {

    private static final long DAY = 86_400_000L;
    private static final long HOUR = 3_600_000L;
    private static final double GB = 1e9;
    private static final long AT = ReportFixtures.AT;
    private static final SeriesKey VAR = SeriesKey.of("fs.avail_bytes", "mount", "/var");

    /** A real projection by the engine, at the report's 95 %, inside a one-item report. */
    private static Report report(LongToDoubleFunction f) {
        int n = 20 * 24;
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = AT - (long) (n - 1 - i) * HOUR;
            v[i] = f.applyAsDouble(t[i]);
        }
        Series s = new Series(VAR, t, v);
        Projection p = new ForecastEngine().project(s, new ForecastRequest(0, Direction.DOWN, AT, 0.95, ForecastRequest.DEFAULT_HORIZON_MILLIS));
        Finding finding = new Finding("fs-fills", new RuleSource("built-in:rules/filesystem.yaml", 1, 1), Severity.WARNING, "fills", p);
        Report r = new ReportBuilder().host("web-01").atMillis(AT).generatedMillis(AT).zone(ZoneOffset.UTC)
                .build(List.of(finding), k -> s);
        return r;
    }

    private static List<String> legend(JFreeChart chart) {
        LegendItemCollection items = chart.getXYPlot().getFixedLegendItems();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < items.getItemCount(); i++) {
            labels.add(items.get(i).getLabel());
        }
        return labels;
    }

    @Test
    void theDrawnMedianAndBandAreTheProjectionsOwnPathPoints() {
        Random rnd = new Random(3);
        // a daily cycle and noise on a fall: the path is the simulation's, with its wiggles
        Report r = report(t -> 60 * GB - 2 * GB * (t - AT + 20 * DAY) / (double) DAY
                + 3 * GB * Math.sin(2 * Math.PI * t / (double) DAY) + 0.3 * GB * rnd.nextGaussian());
        ReportItem item = r.items().get(0);
        ProjectedPath path = item.finding().projection().path();
        assertNotNull(path, "the engine exposes its path");
        JFreeChart chart = ReportCharts.chart(item, ZoneOffset.UTC);
        XYPlot plot = chart.getXYPlot();
        XYDataset lines = plot.getDataset(0);
        int median = lines.indexOf(ReportCharts.MEDIAN);
        assertTrue(median >= 0, "a median line is drawn");
        assertEquals(path.timesMillis().length, lines.getItemCount(median));
        YIntervalSeriesCollection band = (YIntervalSeriesCollection) plot.getDataset(1);
        assertEquals(1, band.getSeriesCount());
        for (int i = 0; i < path.timesMillis().length; i++) {
            assertEquals(path.timesMillis()[i], lines.getXValue(median, i));
            assertEquals(path.median()[i], lines.getYValue(median, i));
            assertEquals(path.timesMillis()[i], band.getXValue(0, i));
            assertEquals(path.low()[i], band.getStartYValue(0, i));
            assertEquals(path.high()[i], band.getEndYValue(0, i));
        }
        assertEquals(List.of("history", "median of simulated paths", "95 % band of simulated paths"), legend(chart));
        String caption = HtmlReport.caption(item, r);
        assertTrue(caption.contains("median of the forecast's simulated paths"), caption);
        assertTrue(caption.contains("95 % band of simulated paths"), caption);
        String svg = SvgCharts.svg(item, ZoneOffset.UTC, "t_");
        assertTrue(svg.contains("median of simulated paths") && svg.contains("95 % band of simulated paths"), "the SVG's legend names them");
    }

    /** The date format of the time axis's ticks once the chart is drawn at the report's size. */
    private static String tickLabel(ReportItem item) {
        JFreeChart chart = ReportCharts.chart(item, ZoneOffset.UTC);
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(SvgCharts.WIDTH, SvgCharts.HEIGHT, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        ReportCharts.draw(chart, g, SvgCharts.WIDTH, SvgCharts.HEIGHT);
        g.dispose();
        org.jfree.chart.axis.DateAxis axis = (org.jfree.chart.axis.DateAxis) chart.getXYPlot().getDomainAxis();
        return axis.getTickUnit().dateToString(new java.util.Date(AT));
    }

    @Test
    void everyChartsTimeAxisReadsInTheOneDayMonthStyle() {
        // a crossing in 10 days (a few weeks drawn) and one in about 300 days (two years drawn): the
        // default tick units wrote "7-Nov" on one and "Oct-2026" on the other
        String weeks = tickLabel(report(t -> 20 * GB - 2 * GB * (t - AT) / (double) DAY).items().get(0));
        String years = tickLabel(report(t -> 60 * GB - 0.2 * GB * (t - AT) / (double) DAY
                + 0.05 * GB * Math.sin(2 * Math.PI * t / (double) DAY)).items().get(0));
        String day = java.time.format.DateTimeFormatter.ofPattern("d MMM", java.util.Locale.ENGLISH)
                .format(java.time.Instant.ofEpochMilli(AT).atZone(ZoneOffset.UTC));
        assertEquals(day, weeks, "a chart of weeks");
        assertEquals(day, years, "a chart of months");
    }

    @Test
    void aLinearProjectionIsDrawnStraight() {
        ReportItem item = report(t -> 60 * GB - 2 * GB * (t - AT + 20 * DAY) / (double) DAY).items().get(0);
        XYDataset lines = ReportCharts.chart(item, ZoneOffset.UTC).getXYPlot().getDataset(0);
        int m = lines.indexOf(ReportCharts.MEDIAN);
        int n = lines.getItemCount(m);
        assertTrue(n > 10);
        double x0 = lines.getXValue(m, 0);
        double y0 = lines.getYValue(m, 0);
        double slope = (lines.getYValue(m, n - 1) - y0) / (lines.getXValue(m, n - 1) - x0);
        assertEquals(-2 * GB, slope * DAY, 0.05 * GB, "the fall it was given");
        double range = Math.abs(lines.getYValue(m, n - 1) - y0);
        for (int i = 1; i < n - 1; i++) {
            double straight = y0 + slope * (lines.getXValue(m, i) - x0);
            assertEquals(straight, lines.getYValue(m, i), 1e-3 * range, "point " + i + " lies on the line");
        }
    }

    @Test
    void aProjectionWithoutAPathDrawsNoTrendAndTheCaptionSaysSo() {
        Report r = ReportFixtures.report("/var");
        for (ReportItem item : r.items()) {
            assertEquals(null, item.finding().projection().path());
            JFreeChart chart = ReportCharts.chart(item, ZoneOffset.UTC);
            XYPlot plot = chart.getXYPlot();
            assertEquals(1, plot.getDataset(0).getSeriesCount(), "only the history");
            assertEquals(0, plot.getDataset(1).getSeriesCount(), "no band");
            assertEquals(List.of("history"), legend(chart));
            String caption = HtmlReport.caption(item, r);
            assertTrue(caption.contains("No trend is drawn"), caption);
            assertFalse(caption.contains("Red"), caption);
            assertFalse(SvgCharts.svg(item, ZoneOffset.UTC, "t_").contains("simulated paths"));
        }
    }
}
