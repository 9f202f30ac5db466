package dev.forewarn.forecast.bench;

import dev.forewarn.forecast.Backtest;
import dev.forewarn.forecast.ForecastEngine;
import dev.forewarn.forecast.Forecaster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Prints the accuracy table of issue 4: per case and overall, forewarn beside the node-mixin
 * {@code predict_linear} rule — first-warning lead time, median ETA error (% of the true
 * remaining time), 80 % interval coverage, false alarms. Argument: the shared data directory
 * (default {@code ../shared/data}); the real series are read in place.
 */
public final class AccuracyBench {

    private AccuracyBench() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        Forecaster engine = new ForecastEngine();
        Locale.setDefault(Locale.ROOT);
        System.out.printf("%-28s %-5s %7s | %9s %9s | %8s %8s | %8s | %5s %5s%n", "case", "kind", "origins",
                "lead fw", "lead nm", "err% fw", "err% nm", "cov80 fw", "FA fw", "FA nm");
        List<Double> leadRatios = new ArrayList<>();
        List<double[]> errs = new ArrayList<>();
        List<double[]> baseErrs = new ArrayList<>();
        int covered = 0;
        int judged = 0;
        int quietFa = 0;
        int quietBaseFa = 0;
        int fillFa = 0;
        int fillBaseFa = 0;
        for (Scenarios.Scenario s : Scenarios.all()) {
            Backtest.Summary r = Backtest.summarise(s.backtestCase(), Backtest.replay(s.backtestCase(), engine, 0.8));
            row(s.name(), s.kind().name().toLowerCase(Locale.ROOT), r);
            if (s.kind() == Scenarios.Kind.FILL) {
                errs.add(r.errorsPct());
                baseErrs.add(r.baselineErrorsPct());
                covered += r.covered();
                judged += r.judged();
                fillFa += r.falseAlarms();
                fillBaseFa += r.baselineFalseAlarms();
                if (r.leadMillis() != null) {
                    leadRatios.add(r.baselineLeadMillis() == null ? Double.POSITIVE_INFINITY : (double) r.leadMillis() / r.baselineLeadMillis());
                } else {
                    leadRatios.add(0.0);
                }
            } else {
                quietFa += r.falseAlarms();
                quietBaseFa += r.baselineFalseAlarms();
            }
        }
        Path nersc = data.resolve("nersc-lustre");
        Path nab = data.resolve("nab-aws-cloudwatch");
        if (Files.isDirectory(nersc)) {
            int[] fa = group("nersc file systems (4)", RealData.nerscFilesystems(nersc), engine);
            quietFa += fa[0];
            quietBaseFa += fa[1];
            fa = group("nersc OSTs and MDTs", RealData.nerscTargets(nersc), engine);
            quietFa += fa[0];
            quietBaseFa += fa[1];
        }
        if (Files.isDirectory(nab)) {
            for (Backtest.Case c : RealData.nab(nab)) {
                Backtest.Summary r = Backtest.summarise(c, Backtest.replay(c, engine, 0.8));
                row(c.name(), "quiet", r);
                quietFa += r.falseAlarms();
                quietBaseFa += r.baselineFalseAlarms();
            }
        }
        double[] e = Arrays.stream(errs.toArray(new double[0][])).flatMapToDouble(Arrays::stream).toArray();
        double[] be = Arrays.stream(baseErrs.toArray(new double[0][])).flatMapToDouble(Arrays::stream).toArray();
        System.out.println();
        System.out.printf("overall, fill cases: lead-time ratio forewarn/node-mixin per case %s (target >= 2)%n", ratios(leadRatios));
        System.out.printf("overall, fill cases: median ETA error forewarn %s, node-mixin %s (target <= 10 %%)%n", pct(median(e)), pct(median(be)));
        System.out.printf("overall, fill cases: 80 %% interval coverage %s (%d of %d; target 70-90 %%)%n",
                judged == 0 ? "-" : pct(100.0 * covered / judged), covered, judged);
        System.out.printf("overall: false alarms on quiet cases (rotation, burst, flat, NERSC, NAB) forewarn %d, node-mixin %d (target 0); on fill cases forewarn %d, node-mixin %d%n",
                quietFa, quietBaseFa, fillFa, fillBaseFa);
    }

    private static int[] group(String name, List<Backtest.Case> cases, Forecaster engine) {
        int origins = 0;
        int fa = 0;
        int baseFa = 0;
        int withEta = 0;
        for (Backtest.Case c : cases) {
            List<Backtest.Origin> o = Backtest.replay(c, engine, 0.8);
            Backtest.Summary r = Backtest.summarise(c, o);
            origins += r.origins();
            fa += r.falseAlarms();
            baseFa += r.baselineFalseAlarms();
            withEta += (int) o.stream().filter(x -> x.forewarn().etaMillis() != null).count();
        }
        System.out.printf("%-28s %-5s %7d | %9s %9s | %8s %8s | %8s | %5d %5d   (%d projections with a date)%n",
                name, "quiet", origins, "-", "-", "-", "-", "-", fa, baseFa, withEta);
        return new int[] {fa, baseFa};
    }

    private static void row(String name, String kind, Backtest.Summary r) {
        System.out.printf("%-28s %-5s %7d | %9s %9s | %8s %8s | %8s | %5d %5d%n", name, kind, r.origins(),
                days(r.leadMillis()), days(r.baselineLeadMillis()), pct(r.medianErrorPct()), pct(r.baselineMedianErrorPct()),
                r.coverage() == null ? "-" : pct(100 * r.coverage()), r.falseAlarms(), r.baselineFalseAlarms());
    }

    private static String ratios(List<Double> r) {
        StringBuilder sb = new StringBuilder();
        for (double x : r) {
            sb.append(sb.length() == 0 ? "" : ", ").append(Double.isInfinite(x) ? "inf (node-mixin never warned)" : String.format("%.1f", x));
        }
        return sb.toString();
    }

    private static Double median(double[] a) {
        if (a.length == 0) {
            return null;
        }
        double[] c = a.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : 0.5 * (c[c.length / 2 - 1] + c[c.length / 2]);
    }

    private static String days(Long millis) {
        return millis == null ? "-" : String.format("%.1fd", millis / 86_400_000.0);
    }

    private static String pct(Double v) {
        return v == null ? "-" : String.format("%.1f%%", v);
    }
}
