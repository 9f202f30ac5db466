package dev.forewarn.report;

import java.time.ZoneId;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** A report item's chart as an SVG element (JFreeSVG), for inline HTML and for files beside Markdown. */
public final class SvgCharts {

    /** Chart size in SVG user units (CSS pixels); scaled to the page width by the viewBox. */
    static final int WIDTH = 760;
    static final int HEIGHT = 340;

    private SvgCharts() {
    }

    /**
     * The {@code <svg>} element; {@code idPrefix} keeps clip-path ids unique when several charts
     * share one HTML page. JFreeSVG escapes every text it draws for XML.
     */
    public static String svg(ReportItem item, ZoneId zone, String idPrefix) {
        JFreeChart chart = ReportCharts.chart(item, zone);
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        g.setDefsKeyPrefix(idPrefix);
        ReportCharts.draw(chart, g, WIDTH, HEIGHT);
        g.dispose();
        return g.getSVGElement(idPrefix + "chart", true, new org.jfree.svg.ViewBox(0, 0, WIDTH, HEIGHT), null, null);
    }
}
