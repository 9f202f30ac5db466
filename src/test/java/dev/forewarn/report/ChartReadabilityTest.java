package dev.forewarn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.forecast.BacktestSummary;
import dev.forewarn.forecast.Direction;
import dev.forewarn.forecast.Fit;
import dev.forewarn.forecast.ProjectedPath;
import dev.forewarn.forecast.Projection;
import dev.forewarn.rules.Finding;
import dev.forewarn.rules.RuleSource;
import dev.forewarn.rules.Severity;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

/**
 * What a reader of the rendered pages saw: a short forecast squeezed into a sliver, a median
 * running off the bottom, the "now" and crossing labels on top of each other, the "now" label on
 * the line, and tick dates in a style of their own ({@code 7-Nov}, {@code Oct-2026}).
 */
class ChartReadabilityTest {

    private static final long DAY = 86_400_000L;
    private static final long HOUR = 3_600_000L;
    private static final double GB = 1e9;
    private static final long AT = ReportFixtures.AT;
    private static final SeriesKey MEM = SeriesKey.of("mem.available_bytes");

    /**
     * 60 days of hourly memory falling 0.3 GB/day to 1 GB at AT, crossing 0.35 GB {@code etaDays}
     * on, with a simulated path (the same line, its band ±10 %) to {@code pathDays}: what the
     * demo's leaking billing-api looks like.
     */
    private static ReportItem falling(double etaDays, double pathDays) {
        double slope = -0.3 * GB;
        double atValue = 0.35 * GB - slope * etaDays;
        int n = 60 * 24;
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = AT - (long) (n - 1 - i) * HOUR;
            v[i] = atValue + slope * (t[i] - AT) / (double) DAY;
        }
        int m = (int) (pathDays * 24) + 1;
        long[] pt = new long[m];
        double[] med = new double[m];
        double[] lo = new double[m];
        double[] hi = new double[m];
        for (int i = 0; i < m; i++) {
            pt[i] = AT + i * HOUR;
            med[i] = atValue + slope * i / 24.0;
            lo[i] = med[i] - 0.1 * Math.abs(med[i]);
            hi[i] = med[i] + 0.1 * Math.abs(med[i]);
        }
        long eta = AT + (long) (etaDays * DAY);
        Projection p = new Projection(MEM, AT, atValue, 0.35 * GB, Direction.DOWN, eta, eta - 6 * HOUR, eta + 6 * HOUR, 0.95,
                "theil-sen over 35 days", "why", new Fit(840, AT - 35 * DAY, AT, slope, 0.99, 0.1 * GB), BacktestSummary.none(),
                "ab".repeat(32), Projection.READY, null, new ProjectedPath(pt, med, lo, hi));
        Finding f = new Finding("mem-available", new RuleSource("built-in:rules/memory.yaml", 4, 5), Severity.WARNING, "memory runs out", p);
        Series s = new Series(MEM, t, v);
        return new ReportBuilder().host("web-01").atMillis(AT).generatedMillis(AT).sinceMillis(AT - 60 * DAY).zone(ZoneOffset.UTC)
                .build(List.of(f), k -> s).items().get(0);
    }

    /** A reallocated-sector count that grew from 100 to 760 over 30 days: judged on the present value, no path. */
    private static ReportItem growingCount() {
        SeriesKey key = SeriesKey.of("smart.reallocated_sectors", "disk", "sda");
        int n = 30 * 24;
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = AT - (long) (n - 1 - i) * HOUR;
            v[i] = 100 + 660.0 * i / (n - 1);
        }
        Projection p = new Projection(key, AT, 760.0, 528, Direction.UP, null, null, null, 0.95, "present value",
                "a non-zero count that grew within 7d", null, BacktestSummary.none(), null);
        Finding f = new Finding("smart-reallocated", new RuleSource("built-in:rules/smart.yaml", 6, 5), Severity.WARNING,
                "sda: reallocated sectors grew from 528 to 760 in the last 7d", p);
        Series s = new Series(key, t, v);
        return new ReportBuilder().host("web-01").atMillis(AT).generatedMillis(AT).sinceMillis(AT - 30 * DAY).zone(ZoneOffset.UTC)
                .build(List.of(f), k -> s).items().get(0);
    }

    /** One drawn text of an SVG: where it starts (baseline), its size and its words. */
    private record Text(double x, double y, double size, boolean bold, String words) {
        Rectangle2D box() {
            Font font = new Font(ReportCharts.FONT, bold ? Font.BOLD : Font.PLAIN, (int) Math.round(size));
            double width = font.getStringBounds(words, new FontRenderContext(null, true, true)).getWidth();
            return new Rectangle2D.Double(x, y - size, width, size);
        }
    }

    private static List<Text> texts(String svg) {
        Matcher m = Pattern.compile("<text x='([0-9.]+)' y='([0-9.]+)' style='([^']*)'[^>]*>([^<]*)</text>").matcher(svg);
        List<Text> out = new ArrayList<>();
        while (m.find()) {
            Matcher size = Pattern.compile("font-size: ([0-9.]+)px").matcher(m.group(3));
            assertTrue(size.find(), m.group(3));
            out.add(new Text(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(size.group(1)),
                    m.group(3).contains("bold"), m.group(4)));
        }
        return out;
    }

    private static Text text(List<Text> texts, String words) {
        return texts.stream().filter(t -> t.words().equals(words)).findFirst().orElseThrow(() -> new AssertionError("no text " + words + " in " + texts));
    }

    @Test
    void aCrossingTwoDaysAwayGetsAFifthOfTheTimeAxisNotASliver() {
        ReportItem item = falling(1.5, 3);
        DateAxis time = (DateAxis) ReportCharts.chart(item, ZoneOffset.UTC).getXYPlot().getDomainAxis();
        double future = (time.getMaximumDate().getTime() - AT) / (double) (time.getMaximumDate().getTime() - time.getMinimumDate().getTime());
        assertTrue(future >= 0.2, "the future is " + Math.round(future * 100) + " % of the time axis");
        assertTrue(time.getMaximumDate().getTime() >= item.finding().projection().path().timesMillis()[72], "the whole path is drawn");
    }

    @Test
    void theMedianPathBelowTheLimitStaysInsideTheValueAxis() {
        // the path runs on 6 days after a crossing 4 days away: its median falls 1.8 GB below the limit
        ReportItem item = falling(4, 10);
        JFreeChart chart = ReportCharts.chart(item, ZoneOffset.UTC);
        ValueAxis value = chart.getXYPlot().getRangeAxis();
        double lowest = Double.MAX_VALUE;
        for (double v : item.finding().projection().path().median()) {
            lowest = Math.min(lowest, v);
        }
        assertTrue(value.getLowerBound() <= lowest, "axis from " + value.getLowerBound() + ", median down to " + lowest);
        // memory is never below zero: the axis runs there for the median, but labels no "−1 GB" of available memory
        List<Text> texts = texts(SvgCharts.svg(item, ZoneOffset.UTC, "t_"));
        assertTrue(texts.stream().anyMatch(t -> t.words().equals("0 B")), texts.toString());
        assertTrue(texts.stream().noneMatch(t -> t.words().matches("^[−-][0-9].*")), texts.toString());
    }

    @Test
    void theNowAndCrossingLabelsDoNotOverlap() {
        for (double eta : new double[] {0.3, 0.8, 1.5, 4}) {
            List<Text> texts = texts(SvgCharts.svg(falling(eta, eta + 1.5), ZoneOffset.UTC, "t_"));
            Text now = text(texts, "now");
            String day = new java.text.SimpleDateFormat("d MMM", java.util.Locale.ENGLISH) {{
                setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
            }}.format(new java.util.Date(AT + (long) (eta * DAY)));
            // the crossing's label is the bold one: a tick may read the same day
            Text crossing = texts.stream().filter(t -> t.bold() && t.words().equals(day)).findFirst()
                    .orElseThrow(() -> new AssertionError("no bold " + day + " in " + texts));
            assertFalse(now.box().intersects(crossing.box()), "crossing " + eta + " days on: " + now + " and " + crossing);
        }
    }

    @Test
    void noLabelRunsOffTheChartsEdges() {
        // the memory chart of the demo's report ended its axis on "10 De": a tick label centred on a
        // tick near the right end of the axis was cut by the image's edge
        List<ReportItem> items = new ArrayList<>(List.of(growingCount(), ReportFixtures.report("/var").items().get(0)));
        for (double eta = 0.25; eta < 12; eta += 0.35) {
            items.add(falling(eta, eta + 1.5));
        }
        for (ReportItem item : items) {
            for (Text t : texts(SvgCharts.svg(item, ZoneOffset.UTC, "t_"))) {
                Rectangle2D box = t.box();
                assertTrue(box.getMinX() >= 0 && box.getMaxX() <= SvgCharts.WIDTH, item.finding().message() + ": " + t + " ends at x " + box.getMaxX());
            }
        }
    }

    @Test
    void theNowLabelLeavesALineThatEndsAtTheTop() {
        ReportItem item = growingCount();
        List<Text> texts = texts(SvgCharts.svg(item, ZoneOffset.UTC, "t_"));
        Text now = text(texts, "now");
        assertTrue(now.y() > SvgCharts.HEIGHT / 2.0, "the count ends at the top right; 'now' is drawn at y " + now.y());
    }

    @Test
    void tickDatesAreWrittenAsTheReportWritesThem() {
        List<String> svgs = List.of(
                SvgCharts.svg(falling(1.5, 3), ZoneOffset.UTC, "a_"),
                SvgCharts.svg(falling(40, 50), ZoneOffset.UTC, "b_"),
                SvgCharts.svg(growingCount(), ZoneOffset.UTC, "c_"),
                SvgCharts.svg(ReportFixtures.report("/var").items().get(0), ZoneOffset.UTC, "d_"));
        Pattern hyphenated = Pattern.compile("^(\\d{1,2}-[A-Z][a-z]{2}|[A-Z][a-z]{2}-\\d{4})$");
        Pattern dayMonth = Pattern.compile("^\\d{1,2} [A-Z][a-z]{2}$");
        for (String svg : svgs) {
            List<Text> texts = texts(svg);
            assertTrue(texts.stream().noneMatch(t -> hyphenated.matcher(t.words()).matches()), texts.toString());
            assertTrue(texts.stream().filter(t -> dayMonth.matcher(t.words()).matches()).count() >= 3, "day-month ticks: " + texts);
        }
    }

    @Test
    void theCaptionNamesTheStretchShownAndTheSolidCrossingLine() {
        ReportItem item = falling(1.5, 3);
        Report r = new ReportBuilder().zone(ZoneOffset.UTC).build(List.of(), k -> null);
        String caption = HtmlReport.caption(item, r);
        DateAxis time = (DateAxis) ReportCharts.chart(item, ZoneOffset.UTC).getXYPlot().getDomainAxis();
        assertTrue(caption.startsWith("Shown: " + ReportText.day(time.getMinimumDate().getTime(), ZoneOffset.UTC) + " to "
                + ReportText.day(time.getMaximumDate().getTime(), ZoneOffset.UTC) + "."), caption);
        // 36 hours out, the day has its clock
        assertTrue(caption.contains("Solid red line: the middle estimate, " + ReportText.dayTime(AT + 36 * HOUR, ZoneOffset.UTC)
                + ", when half of the simulated paths have first reached the limit"), caption);
        assertTrue(caption.contains("Orange band: the 95 % interval of when the limit is reached"), caption);
        assertNotNull(item.finding().projection().path());
        assertEquals(AT, item.finding().projection().atMillis());
    }

    @Test
    void aFewMinutesOfHistoryFillTheChartNotADayOfEmptyFuture() {
        ReportItem item = ReportFixtures.fewMinutesOfLoad().items().get(0);
        long[] window = ReportCharts.window(item);
        assertEquals(AT, window[1], "the chart ends at the newest point: nothing is projected");
        assertTrue(window[0] <= item.history().firstMillis(), "every point is drawn");
        assertEquals(ReportCharts.MIN_SPAN_MILLIS, window[1] - window[0], "thirteen minutes of history drawn over a quarter hour");
        DateAxis time = (DateAxis) ReportCharts.chart(item, ZoneOffset.UTC).getXYPlot().getDomainAxis();
        assertEquals(window[1], time.getMaximumDate().getTime());
    }

    /** Load ends at the top and its limit runs along the bottom: "now" was drawn on the limit line. */
    @Test
    void theNowLabelLeavesBothTheLineAndTheLimit() {
        Text now = text(texts(SvgCharts.svg(ReportFixtures.fewMinutesOfLoad().items().get(0), ZoneOffset.UTC, "t_")), "now");
        assertTrue(now.y() > SvgCharts.HEIGHT * 0.3 && now.y() < SvgCharts.HEIGHT * 0.65, "'now' is drawn at y " + now.y());
    }
}
