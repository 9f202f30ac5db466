package dev.forewarn.report;

import dev.forewarn.forecast.Projection;
import dev.forewarn.forecast.ProjectionText;
import dev.forewarn.series.SeriesKey;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The phrases every report format shares, so HTML, PDF, Markdown and JSON say the same thing:
 * resource names, dates in the reader's zone ({@code Sat 14 Mar 2026}), intervals
 * ({@code 9–18 Mar 2026}). Times in are epoch milliseconds.
 */
public final class ReportText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_ONLY = DateTimeFormatter.ofPattern("d", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_MONTH_CLOCK = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_YEAR_CLOCK = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private ReportText() {
    }

    /** What a series measures, in words: "/var (free space)", "available memory", "disk sda (reallocated sectors)". */
    public static String resource(SeriesKey key) {
        String n = key.name();
        String mount = key.label("mount");
        return switch (n) {
            case "fs.avail_bytes" -> (mount == null ? "file system" : mount) + " (free space)";
            case "fs.used_bytes" -> (mount == null ? "file system" : mount) + " (used space)";
            case "fs.inodes_free" -> (mount == null ? "file system" : mount) + " (free inodes)";
            case "mem.available_bytes" -> "available memory";
            case "swap.used_bytes" -> "swap in use";
            case "proc.rss_bytes" -> "memory of " + (key.label("name") == null ? "a process" : key.label("name"));
            case "cpu.load1" -> "load (1-minute average)";
            case "cpu.load5" -> "load (5-minute average)";
            case "cpu.load15" -> "load (15-minute average)";
            default -> {
                if (n.startsWith("smart.") && key.label("disk") != null) {
                    yield "disk " + key.label("disk") + " (" + n.substring(6).replace('_', ' ') + ")";
                }
                yield key.toString();
            }
        };
    }

    /** What happens at the threshold: "fills up", "runs out", "reaches the limit". */
    public static String failure(SeriesKey key) {
        String n = key.name();
        if (n.startsWith("fs.")) {
            return "fills up";
        }
        if (n.startsWith("mem.") || n.startsWith("swap.")) {
            return "runs out";
        }
        if (n.startsWith("proc.")) {
            return "reaches its memory limit";
        }
        if (n.startsWith("smart.")) {
            return "reaches its failure limit";
        }
        return "crosses its threshold";
    }

    /** A day in the reader's zone: {@code Sat 14 Mar 2026}. */
    public static String day(long millis, ZoneId zone) {
        return DAY.format(Instant.ofEpochMilli(millis).atZone(zone));
    }

    /**
     * A projection's date: {@code Sat 14 Mar 2026}, or with its clock, {@code Tue 8 Dec 2026 13:15},
     * when it is near the evaluation ({@link ProjectionText#near}).
     */
    public static String eta(Projection p, ZoneId zone) {
        return date(p.etaMillis(), ProjectionText.near(p), zone);
    }

    /** A day ({@link #day}), or a day and its clock ({@link #dayTime}) when {@code clock}. */
    public static String date(long millis, boolean clock, ZoneId zone) {
        return clock ? dayTime(millis, zone) : day(millis, zone);
    }

    /**
     * A projection's interval ({@link #interval(Long, Long, ZoneId)}); with clock times when its
     * date is near the evaluation: {@code 8 Dec 2026 11:00–14:20}, {@code 8 Dec 21:00 – 9 Dec 2026 02:30}.
     */
    public static String interval(Projection p, ZoneId zone) {
        Long low = p.etaLowMillis();
        Long high = p.etaHighMillis();
        if (!ProjectionText.near(p) || low == null || high == null) {
            return interval(low, high, zone);
        }
        ZonedDateTime a = Instant.ofEpochMilli(low).atZone(zone);
        ZonedDateTime b = Instant.ofEpochMilli(high).atZone(zone);
        if (a.toLocalDate().equals(b.toLocalDate())) {
            return a.format(DAY_YEAR_CLOCK) + "–" + b.format(CLOCK);
        }
        return a.format(a.getYear() == b.getYear() ? DAY_MONTH_CLOCK : DAY_YEAR_CLOCK) + " – " + b.format(DAY_YEAR_CLOCK);
    }

    /** An interval of days: {@code 9–18 Mar 2026}, {@code 28 Feb – 3 Mar 2026}, or open-ended {@code from 9 Mar 2026}. */
    public static String interval(Long lowMillis, Long highMillis, ZoneId zone) {
        if (lowMillis == null && highMillis == null) {
            return "interval unknown";
        }
        if (highMillis == null) {
            return DAY.format(Instant.ofEpochMilli(lowMillis).atZone(zone)).substring(4) + " or later";
        }
        if (lowMillis == null) {
            return "by " + DAY.format(Instant.ofEpochMilli(highMillis).atZone(zone)).substring(4);
        }
        ZonedDateTime a = Instant.ofEpochMilli(lowMillis).atZone(zone);
        ZonedDateTime b = Instant.ofEpochMilli(highMillis).atZone(zone);
        String end = b.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH));
        if (a.getYear() != b.getYear()) {
            return a.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)) + " – " + end;
        }
        if (a.getMonth() != b.getMonth()) {
            return a.format(DAY_MONTH) + " – " + end;
        }
        if (a.getDayOfMonth() == b.getDayOfMonth()) {
            return end;
        }
        return a.format(DAY_ONLY) + "–" + end;
    }

    /** Percent text of a confidence: {@code 95 %}. */
    public static String percent(double confidence) {
        return Math.round(confidence * 100) + " %";
    }

    /** The headline of one projection: "/var (free space) fills up on Sat 14 Mar 2026 (95 %: 9–18 Mar 2026)". */
    public static String headline(Projection p, ZoneId zone) {
        return headline(p, zone, null);
    }

    /**
     * The headline of a finding: with a crossing, what fails and when; without one, the rule's
     * own message when the verdict is worse than OK (a growing error count says more than "no date").
     */
    public static String headline(dev.forewarn.rules.Finding f, ZoneId zone) {
        return headline(f.projection(), zone, f.severity() == dev.forewarn.rules.Severity.OK ? null : f.message());
    }

    /** The headline of a finding in a report: a verdict the flapping guard holds back is worded by its rule's message, pending note included. */
    public static String headline(Report r, dev.forewarn.rules.Finding f) {
        if (r.pendingOf(f) != null && !f.projection().hasEta()) {
            return f.message();
        }
        if (r.pendingOf(f) != null) {
            // the dated headline, with the guard's note: why check does not raise it yet
            int note = f.message().lastIndexOf(" (pending ");
            return headline(f, r.zone()) + (note < 0 ? " (pending " + r.pendingOf(f).name() + ")" : f.message().substring(note));
        }
        return headline(f, r.zone());
    }

    /** The label in a report: PENDING for a verdict the guard holds back, else as {@link #badge(dev.forewarn.rules.Finding)}. */
    public static String badge(Report r, dev.forewarn.rules.Finding f) {
        return r.pendingOf(f) != null ? "PENDING" : badge(f);
    }

    /** The label shown beside a verdict: the severity, or PLAN for a crossing that is not yet a warning. */
    public static String badge(dev.forewarn.rules.Finding f) {
        return f.severity() == dev.forewarn.rules.Severity.OK && f.projection().hasEta() ? "PLAN" : f.severity().name();
    }

    /** A day and time in the reader's zone: {@code Sat 14 Mar 2026 09:05}. */
    public static String dayTime(long millis, ZoneId zone) {
        return dev.forewarn.series.Times.local(millis, zone);
    }

    /** The report's title: "Capacity report: db-7", marked DEMO DATA for the demo store. */
    public static String title(Report r) {
        return "Capacity report: " + r.host() + (r.demo() ? " (DEMO DATA)" : "");
    }

    /** The words that mark a report of {@code forewarn demo}'s invented history, first on its first page. */
    public static final String DEMO = "DEMO DATA: this report is made from the invented history of 'forewarn demo', not from a real host.";

    /**
     * The line under the title: when the data ends (the time the report is judged at), the span
     * of points the findings show, as it is (twenty minutes say twenty minutes), the zone, and
     * when the file was written.
     */
    public static String header(Report r) {
        ZoneId z = r.zone();
        Long first = null;
        for (ReportItem i : r.items()) {
            if (i.data().points() > 0 && (first == null || i.data().fromMillis() < first)) {
                first = i.data().fromMillis();
            }
        }
        String span = first == null ? "no points behind any finding"
                : "this report shows the points from " + dayTime(first, z) + " on (" + span(r.atMillis() - first) + " of data)";
        // the forecasts read their own span, which can start before the points shown: say so, not "the findings use"
        boolean forecast = r.items().stream().anyMatch(i -> !FindingFacts.isPresentValue(i.finding().projection()));
        if (forecast) {
            span += "; the forecasts read up to the last " + span(dev.forewarn.forecast.ForecastEngine.HISTORY_MILLIS);
        }
        return "Data up to " + dayTime(r.atMillis(), z) + " (" + zoneName(z) + "); " + span + ". Generated "
                + dev.forewarn.series.Times.local(r.generatedMillis(), z) + " by forewarn.";
    }

    /** A span of time in words, as every human surface says it: {@code 90 days}, {@code 37 hours}, {@code 20 minutes}. */
    public static String span(long millis) {
        return dev.forewarn.series.Times.human(java.time.Duration.ofMillis(millis));
    }

    /** The zone as a reader knows it: {@code UTC}, {@code Europe/Berlin}. */
    public static String zoneName(ZoneId zone) {
        return zone.normalized().equals(java.time.ZoneOffset.UTC) || zone.getId().equals("Etc/UTC") ? "UTC" : zone.getId();
    }

    private static String headline(Projection p, ZoneId zone, String message) {
        if (!p.hasEta() && message != null) {
            return message;
        }
        // a fleet's finding names its instance first, as its undated messages do ("web-3: sda: ...")
        String instance = p.series().label("instance");
        String what = (instance == null ? "" : instance + ": ") + resource(p.series());
        if (!p.hasEta()) {
            return what + ": no crossing projected" + (p.reason() == null ? "" : " (" + p.reason() + ")");
        }
        return what + " " + failure(p.series()) + " on " + eta(p, zone)
                + " (" + percent(p.confidence()) + ": " + interval(p, zone) + ")";
    }
}
