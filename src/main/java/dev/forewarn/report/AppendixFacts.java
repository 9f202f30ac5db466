package dev.forewarn.report;

import dev.forewarn.series.Times;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The appendix's summary rows, shared by every format: host, collectors, period, points, hash, parameters. */
final class AppendixFacts {

    private AppendixFacts() {
    }

    static List<FindingFacts.Fact> of(Report r) {
        ZoneId z = r.zone();
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (ReportItem i : r.items()) {
            if (i.data().points() > 0) {
                from = Math.min(from, i.data().fromMillis());
                to = Math.max(to, i.data().toMillis());
            }
        }
        List<FindingFacts.Fact> out = new ArrayList<>();
        out.add(new FindingFacts.Fact("Host", r.host()));
        out.add(new FindingFacts.Fact("Collectors", r.collectors().isEmpty() ? "none" : String.join(", ", r.collectors())));
        out.add(new FindingFacts.Fact("Period", from == Long.MAX_VALUE ? "no data"
                : Times.local(from, z) + " to " + Times.local(to, z))); // the header names the time zone, once
        out.add(new FindingFacts.Fact("Points", String.format(Locale.ROOT, "%,d in %d series", r.totalPoints(), r.items().size())));
        out.add(new FindingFacts.Fact("SHA-256 of all points in this report", r.sha256() + " (over the per-series hashes below, in this order)"));
        // the history asked for (--since) is not the history there is: twenty minutes of data are not "since" three months ago
        String shown = from == Long.MAX_VALUE || from <= r.sinceMillis() + 86_400_000L
                ? "the report shows history since " + Times.local(r.sinceMillis(), z)
                : "the report shows history from " + Times.local(from, z) + ", its first point (asked for since " + Times.local(r.sinceMillis(), z) + ")";
        boolean forecast = r.items().stream().anyMatch(i -> !FindingFacts.isPresentValue(i.finding().projection()));
        out.add(new FindingFacts.Fact("Evaluated at", Times.local(r.atMillis(), z) + "; " + shown
                + (forecast ? "; the forecasts read up to the last " + ReportText.span(dev.forewarn.forecast.ForecastEngine.HISTORY_MILLIS) : "")));
        out.add(new FindingFacts.Fact("Assumptions", String.format(Locale.ROOT,
                "%s intervals; capacity sized for %d days of runway; %d days procurement lead time",
                ReportText.percent(r.confidence()), Math.round(r.runwayMillis() / 86_400_000.0), Math.round(r.leadTimeMillis() / 86_400_000.0))));
        out.add(new FindingFacts.Fact("Selectors", r.selectors().isEmpty() ? "all findings" : String.join(" ", r.selectors())));
        return out;
    }
}
