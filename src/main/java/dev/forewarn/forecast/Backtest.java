package dev.forewarn.forecast;

import dev.forewarn.series.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.LongFunction;

/**
 * Rolling-origin replay of one series: at every origin, forewarn's projection made with only the
 * points up to the origin, and the node-mixin {@code predict_linear} rule on the same points,
 * both compared with the truth (the real first crossing after the origin).
 *
 * <p>Definitions, the same for both: a <b>warning</b> is forewarn projecting the crossing within
 * {@link #WARN_WITHIN_MILLIS} (a one-week rule), or the node-mixin rule firing (warning severity,
 * evaluated every 5 minutes, "for 1h"). A warning is judged by its own claim: it is a <b>false alarm</b>
 * when the truth is more than twice as far away as the warning said (14 days for forewarn's
 * one-week rule, 48 hours for node-mixin's 24-hour prediction), or never comes; false alarms are counted as episodes (a run of
 * consecutive false warnings is one page). The <b>lead time</b> is the truth minus the first
 * warning that was not false. The <b>ETA error</b> is |projected − true crossing| as a percentage
 * of the true remaining time (node-mixin's projection is where its 6-hour least-squares line
 * meets the threshold). <b>Coverage</b> is the share of forewarn's projections whose interval
 * holds the truth.
 */
public final class Backtest {

    /** forewarn's warning rule in the replay: the crossing projected within a week. */
    public static final long WARN_WITHIN_MILLIS = 7 * 86_400_000L;
    /** Rule evaluation interval for the node-mixin baseline. */
    public static final long EVAL_MILLIS = 5 * 60_000L;

    /**
     * One series to replay.
     *
     * @param name           case name
     * @param series         the points (the whole history; each origin sees only its past)
     * @param size           the companion size series for the file-system rule, or null (then the generic rule)
     * @param threshold      exhaustion level
     * @param direction      which way exhaustion lies
     * @param truthAfter     origin → time of the true first crossing after it, or null when there is none
     * @param knownUntilMillis the truth is known up to here; beyond it a missing crossing proves nothing
     * @param fromMillis     first origin
     * @param toMillis       last origin
     * @param stepMillis     origin spacing
     */
    public record Case(String name, Series series, Series size, double threshold, Direction direction,
                       LongFunction<Long> truthAfter, long knownUntilMillis, long fromMillis, long toMillis, long stepMillis) {
    }

    /** One origin's outcome. */
    public record Origin(long atMillis, Projection forewarn, Long baselineEtaMillis, boolean forewarnWarns,
                         boolean baselineWarns, Long truthMillis) {
    }

    /**
     * Summary of a replay. Nullable figures are null when nothing could be measured.
     *
     * @param origins              origins replayed
     * @param leadMillis           forewarn's lead time, or null when it never warned in time
     * @param baselineLeadMillis   node-mixin's lead time
     * @param medianErrorPct       forewarn's median absolute ETA error, % of the true remaining time
     * @param baselineMedianErrorPct the same for the predict_linear line
     * @param coverage             share of forewarn's intervals holding the truth
     * @param covered              how many did
     * @param judged               of how many
     * @param falseAlarms          forewarn's false-alarm episodes
     * @param baselineFalseAlarms  node-mixin's
     * @param errorsPct            every forewarn ETA error, for pooling across cases
     * @param baselineErrorsPct    every node-mixin ETA error
     */
    public record Summary(int origins, Long leadMillis, Long baselineLeadMillis, Double medianErrorPct, Double baselineMedianErrorPct,
                          Double coverage, int covered, int judged, int falseAlarms, int baselineFalseAlarms,
                          double[] errorsPct, double[] baselineErrorsPct) {
    }

    private Backtest() {
    }

    /** Replays the case with the given forecaster at the given confidence. */
    public static List<Origin> replay(Case c, Forecaster f, double confidence) {
        List<Origin> out = new ArrayList<>();
        Series avail = c.series();
        for (long o = c.fromMillis(); o <= c.toMillis(); o += c.stepMillis()) {
            // a replay runs for minutes: Ctrl-C in the shell interrupts this thread, and the flag
            // stays set so that the caller can tell the user why it stopped
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("interrupted");
            }
            Series past = avail.upTo(o);
            Projection p = f.project(past, new ForecastRequest(c.threshold(), c.direction(), o, confidence, ForecastRequest.DEFAULT_HORIZON_MILLIS));
            boolean fw = p.etaMillis() != null && p.etaMillis() - o <= WARN_WITHIN_MILLIS;
            final long at = o;
            boolean nm;
            if (c.size() != null && c.direction() == Direction.DOWN) {
                nm = PredictLinear.firing(PredictLinear.WARNING, e -> PredictLinear.conditionAt(PredictLinear.WARNING, past, c.size(), e), at, EVAL_MILLIS);
            } else {
                nm = PredictLinear.firing(PredictLinear.WARNING,
                        e -> PredictLinear.conditionAt(PredictLinear.WARNING, past, c.threshold(), c.direction(), e), at, EVAL_MILLIS);
            }
            out.add(new Origin(o, p, baselineEta(past, o, c.threshold(), c.direction()), fw, nm, c.truthAfter().apply(o)));
        }
        return out;
    }

    /** Where predict_linear's 6-hour line meets the threshold, or null when it points away. */
    static Long baselineEta(Series past, long at, double threshold, Direction d) {
        // about ten years: further than any horizon a forecast is judged against
        return PredictLinear.lineEtaMillis(past, at, PredictLinear.WARNING.windowMillis(), threshold, d, 320_000_000_000L);
    }

    /** Lead time, ETA errors, coverage and false alarms of a replay. */
    public static Summary summarise(Case c, List<Origin> origins) {
        Long lead = null;
        Long baseLead = null;
        List<Double> err = new ArrayList<>();
        List<Double> baseErr = new ArrayList<>();
        int covered = 0;
        int judged = 0;
        int fa = 0;
        int baseFa = 0;
        boolean inFa = false;
        boolean inBaseFa = false;
        for (Origin o : origins) {
            Long truth = o.truthMillis();
            boolean falseFw = o.forewarnWarns() && isFalse(c, o.atMillis(), truth, WARN_WITHIN_MILLIS);
            boolean falseNm = o.baselineWarns() && isFalse(c, o.atMillis(), truth, Math.round(PredictLinear.WARNING.aheadSeconds() * 1000));
            if (falseFw && !inFa) {
                fa++;
            }
            if (falseNm && !inBaseFa) {
                baseFa++;
            }
            inFa = falseFw;
            inBaseFa = falseNm;
            if (truth != null && truth > o.atMillis()) {
                if (o.forewarnWarns() && !falseFw && lead == null) {
                    lead = truth - o.atMillis();
                }
                if (o.baselineWarns() && !falseNm && baseLead == null) {
                    baseLead = truth - o.atMillis();
                }
                double remaining = truth - o.atMillis();
                Projection p = o.forewarn();
                if (p.etaMillis() != null) {
                    err.add(100 * Math.abs(p.etaMillis() - truth) / remaining);
                    judged++;
                    boolean lowOk = p.etaLowMillis() == null || p.etaLowMillis() <= truth;
                    boolean highOk = p.etaHighMillis() == null || p.etaHighMillis() >= truth;
                    if (lowOk && highOk) {
                        covered++;
                    }
                }
                if (o.baselineEtaMillis() != null) {
                    baseErr.add(100 * Math.abs(o.baselineEtaMillis() - truth) / remaining);
                }
            }
        }
        double[] e = err.stream().mapToDouble(Double::doubleValue).toArray();
        double[] be = baseErr.stream().mapToDouble(Double::doubleValue).toArray();
        return new Summary(origins.size(), lead, baseLead, e.length == 0 ? null : Robust.median(e),
                be.length == 0 ? null : Robust.median(be), judged == 0 ? null : (double) covered / judged, covered, judged,
                fa, baseFa, e, be);
    }

    private static boolean isFalse(Case c, long at, Long truth, long claimMillis) {
        long limit = 2 * claimMillis;
        if (truth == null) {
            return c.knownUntilMillis() >= at + limit;
        }
        return truth - at > limit;
    }

    /** The truth for recorded data: the first point after the origin at or beyond the threshold, or null. */
    public static LongFunction<Long> firstCrossingIn(Series s, double threshold, Direction d) {
        return at -> {
            for (int i = s.lowerBound(at + 1); i < s.size(); i++) {
                double v = s.value(i);
                if (d == Direction.UP ? v >= threshold : v <= threshold) {
                    return s.timeMillis(i);
                }
            }
            return null;
        };
    }
}
