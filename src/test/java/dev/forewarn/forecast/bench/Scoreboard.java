package dev.forewarn.forecast.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The benchmark's metrics, the same for forewarn and the baselines.
 *
 * <ul>
 * <li><b>Horizon bucket</b>: truth − origin below 3 days, 3 to 14 days, above 14 days (a quiet
 *     case's truth is beyond the horizon: above 14 days).</li>
 * <li><b>ETA error</b>: |ETA − truth| / (truth − origin) at scored origins of fill cases; an origin
 *     without a date counts as an infinite error (a median shown as "inf" means most origins had
 *     no date).</li>
 * <li><b>Coverage</b>: the share of scored origins whose interval holds the truth. An origin with
 *     no date is a miss when the truth lies within the horizon; an open upper bound
 *     ({@code eta_high} null) covers only when the truth lies beyond the horizon, and so does "no
 *     date" then.</li>
 * <li><b>Warning</b>: the forecast says the crossing comes within 14 days ({@code eta − origin ≤ 14 d},
 *     as the shipped fs-space rule's {@code warning: 14d} judges {@code eta}); node-mixin's warning
 *     is its alert firing.</li>
 * <li><b>False alarm</b>: a warning at a scored origin where the truth is not within 14 days; in a
 *     quiet case every warning. (Before a case's onset the data foretold another future: a
 *     warning that the disk fills before its resize was right, so those origins count for nothing.)</li>
 * <li><b>Lead</b>: how long before the truth the warning holds at every later scored origin (0 when
 *     the last origin has none).</li>
 * </ul>
 */
final class Scoreboard {

    static final long DAY = 86_400_000L;
    static final long WARN_WITHIN_MILLIS = 14 * DAY;

    /** Truth − origin. */
    enum Bucket {
        UNDER_3D("< 3 d"), D3_TO_14("3-14 d"), OVER_14D("> 14 d");

        final String label;

        Bucket(String label) {
            this.label = label;
        }
    }

    private Scoreboard() {
    }

    static Bucket bucket(Long truth, long at) {
        if (truth == null || truth - at > WARN_WITHIN_MILLIS) {
            return Bucket.OVER_14D;
        }
        return truth - at < 3 * DAY ? Bucket.UNDER_3D : Bucket.D3_TO_14;
    }

    /**
     * Whether the answer's interval holds the truth: true, false, or null when it cannot be judged
     * (no truth and not known to stay clear for the horizon).
     */
    static Boolean covers(Replay.Answer a, Long truth, long at, boolean clearBeyondHorizon) {
        if (truth == null || truth - at > Replay.HORIZON_MILLIS) {
            if (truth == null && !clearBeyondHorizon) {
                return null;
            }
            return a.eta() == null || a.high() == null;
        }
        if (a.eta() == null || a.high() == null) {
            return false;
        }
        long low = a.low() == null ? at : a.low();
        return low <= truth && truth <= a.high();
    }

    /** |eta − truth| / (truth − at); infinite without a date; NaN without a truth. */
    static double relativeError(Long eta, Long truth, long at) {
        if (truth == null) {
            return Double.NaN;
        }
        if (eta == null) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.abs(eta - truth) / (double) (truth - at);
    }

    static boolean warns(Long eta, long at) {
        return eta != null && eta - at <= WARN_WITHIN_MILLIS;
    }

    static boolean falseAlarm(boolean warns, Long truth, long at) {
        return warns && (truth == null || truth - at > WARN_WITHIN_MILLIS);
    }

    /** The three forecasters' warnings. */
    static final Predicate<Replay.Origin> FW_WARNS = o -> warns(o.fw().eta(), o.at());
    static final Predicate<Replay.Origin> NM_WARNS = Replay.Origin::nmWarns;
    static final Predicate<Replay.Origin> PL_WARNS = o -> warns(o.plEta(), o.at());

    /**
     * Lead of one fill case: truth minus the earliest scored origin from which every later scored
     * origin warns; 0 when the last does not; null without a truth or a scored origin.
     */
    static Long lead(Replay.Result r, Predicate<Replay.Origin> warns) {
        if (r.truth() == null) {
            return null;
        }
        Long from = null;
        boolean any = false;
        for (int k = r.origins().length - 1; k >= 0; k--) {
            Replay.Origin o = r.origins()[k];
            if (!o.scored()) {
                continue;
            }
            if (!any && !warns.test(o)) {
                return 0L;
            }
            any = true;
            if (!warns.test(o)) {
                break;
            }
            from = o.at();
        }
        return any ? r.truth() - from : null;
    }

    /** The most lead the case's scored origins allow: truth minus the first scored origin. */
    static Long possibleLead(Replay.Result r) {
        if (r.truth() == null) {
            return null;
        }
        for (Replay.Origin o : r.origins()) {
            if (o.scored()) {
                return r.truth() - o.at();
            }
        }
        return null;
    }

    /**
     * The figures of one table cell.
     *
     * @param origins  scored origins
     * @param answered of which forewarn gave a date
     * @param judged   origins whose coverage could be judged
     * @param covered  of which the 80 % interval held the truth
     * @param early    of the misses with a date, those whose truth came before the interval's low end
     * @param late     those whose truth came after its high end (or with no high end, within the horizon)
     * @param errFw    median relative ETA error of forewarn (NaN when not applicable)
     * @param errNm    the same for node-mixin's 6-hour line
     * @param errPl    the same for the 7-day line
     * @param faFw     forewarn's false alarms (scored origins)
     * @param faNm     node-mixin's
     * @param faPl     the 7-day line's
     * @param coverageLow  the low end of a 90 % interval of the coverage over cases (NaN when nothing was judged)
     * @param coverageHigh its high end
     */
    record Cell(int origins, int answered, int judged, int covered, int early, int late, double errFw, double errNm, double errPl,
                int faFw, int faNm, int faPl, double coverageLow, double coverageHigh) {

        /** Coverage in [0, 1], or NaN when nothing could be judged. */
        double coverage() {
            return judged == 0 ? Double.NaN : (double) covered / judged;
        }
    }

    /** The cell of these results at one bucket (null: every bucket). */
    static Cell cell(List<Replay.Result> results, Bucket bucket) {
        int n = 0, answered = 0, judged = 0, covered = 0, early = 0, late = 0, faFw = 0, faNm = 0, faPl = 0;
        List<Double> eFw = new ArrayList<>(), eNm = new ArrayList<>(), ePl = new ArrayList<>();
        int[] judgedIn = new int[results.size()];
        int[] coveredIn = new int[results.size()];
        for (int k = 0; k < results.size(); k++) {
            Replay.Result r = results.get(k);
            int judgedBefore = judged;
            int coveredBefore = covered;
            for (Replay.Origin o : r.origins()) {
                if (bucket != null && bucket(r.truth(), o.at()) != bucket) {
                    continue;
                }
                if (!o.scored()) {
                    continue;
                }
                faFw += falseAlarm(FW_WARNS.test(o), r.truth(), o.at()) ? 1 : 0;
                faNm += falseAlarm(NM_WARNS.test(o), r.truth(), o.at()) ? 1 : 0;
                faPl += falseAlarm(PL_WARNS.test(o), r.truth(), o.at()) ? 1 : 0;
                n++;
                answered += o.fw().eta() != null ? 1 : 0;
                Boolean c = covers(o.fw(), r.truth(), o.at(), r.clearBeyondHorizon());
                if (c != null) {
                    judged++;
                    covered += c ? 1 : 0;
                    if (!c && o.fw().eta() != null && r.truth() != null) {
                        long low = o.fw().low() == null ? o.at() : o.fw().low();
                        early += r.truth() < low ? 1 : 0;
                        late += r.truth() >= low ? 1 : 0;
                    }
                }
                if (r.truth() != null) {
                    eFw.add(relativeError(o.fw().eta(), r.truth(), o.at()));
                    eNm.add(relativeError(o.nmEta(), r.truth(), o.at()));
                    ePl.add(relativeError(o.plEta(), r.truth(), o.at()));
                }
            }
            judgedIn[k] = judged - judgedBefore;
            coveredIn[k] = covered - coveredBefore;
        }
        double[] ci = caseInterval(judgedIn, coveredIn);
        return new Cell(n, answered, judged, covered, early, late, median(eFw), median(eNm), median(ePl), faFw, faNm, faPl, ci[0], ci[1]);
    }

    /** Resamples of the cases behind {@link #caseInterval}. */
    static final int CASE_RESAMPLES = 2000;

    /**
     * A 90 % interval of the pooled coverage, the cases resampled with replacement (a bootstrap over
     * cases, seeded): every origin of a case is judged against the same truth, so a case's origins
     * are mostly all covered or all missed, and a bucket of 60 cases is known to a few points, not
     * to the tenth its thousand origins suggest. {NaN, NaN} when nothing was judged.
     *
     * @param judged  origins judged, per case
     * @param covered of which covered, per case
     */
    static double[] caseInterval(int[] judged, int[] covered) {
        int cases = judged.length;
        int judgedAll = java.util.Arrays.stream(judged).sum();
        if (judgedAll == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double pooled = (double) java.util.Arrays.stream(covered).sum() / judgedAll;
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        double[] share = new double[CASE_RESAMPLES];
        for (int b = 0; b < CASE_RESAMPLES; b++) {
            long j = 0;
            long c = 0;
            for (int i = 0; i < cases; i++) {
                int k = rnd.nextInt(cases);
                j += judged[k];
                c += covered[k];
            }
            // a resample of only unjudged cases says nothing: it counts as the pooled figure
            share[b] = j == 0 ? pooled : (double) c / j;
        }
        java.util.Arrays.sort(share);
        return new double[] {share[(int) Math.floor(0.05 * (CASE_RESAMPLES - 1))], share[(int) Math.ceil(0.95 * (CASE_RESAMPLES - 1))]};
    }

    /** Coverage at another confidence (the 50 % or 95 % answers), over every scored origin that has one. */
    static double coverageAt(List<Replay.Result> results, Function<Replay.Origin, Replay.Answer> answer) {
        int judged = 0, covered = 0;
        for (Replay.Result r : results) {
            for (Replay.Origin o : r.origins()) {
                Replay.Answer a = answer.apply(o);
                if (!o.scored() || a == null) {
                    continue;
                }
                Boolean c = covers(a, r.truth(), o.at(), r.clearBeyondHorizon());
                if (c != null) {
                    judged++;
                    covered += c ? 1 : 0;
                }
            }
        }
        return judged == 0 ? Double.NaN : (double) covered / judged;
    }

    /** The expected share of each {@link #pit} bin for a calibrated forecaster. */
    static final double[] PIT_EXPECTED = {0.025, 0.075, 0.15, 0.25, 0.25, 0.15, 0.075, 0.025};

    /**
     * A coarse probability-integral-transform histogram from the 50 %, 80 % and 95 % answers: the
     * share of scored origins (of cases with a truth within the horizon) whose truth fell below the
     * 95 % interval, between its low end and the 80 % one's, … , above the 95 % interval — 8 bins,
     * at quantiles 2.5, 10, 25, 50 (eta at 80 %), 75, 90, 97.5 %; a 9th entry is the share with no
     * date at 80 %. An open upper bound is +infinity. Null when no origin was asked at all three levels.
     */
    static double[] pit(List<Replay.Result> results) {
        double[] bins = new double[9];
        int n = 0;
        for (Replay.Result r : results) {
            for (Replay.Origin o : r.origins()) {
                if (!o.scored() || r.truth() == null || o.fw50() == null || o.fw95() == null || r.truth() - o.at() > Replay.HORIZON_MILLIS) {
                    continue;
                }
                n++;
                if (o.fw().eta() == null) {
                    bins[8]++;
                    continue;
                }
                long truth = r.truth();
                Long[] q = {o.fw95().low(), o.fw().low(), o.fw50().low(), o.fw().eta(), o.fw50().high(), o.fw().high(), o.fw95().high()};
                int below = 0;
                for (int i = 0; i < q.length; i++) {
                    long v = q[i] == null ? (i < 3 ? o.at() : Long.MAX_VALUE) : q[i]; // an open low end is now, an open high end never
                    below += v <= truth ? 1 : 0;
                }
                bins[below]++;
            }
        }
        if (n == 0) {
            return null;
        }
        for (int i = 0; i < bins.length; i++) {
            bins[i] /= n;
        }
        return bins;
    }

    /** Median lead in days over the fill cases (NaN without any). */
    static double medianLeadDays(List<Replay.Result> results, Function<Replay.Result, Long> lead) {
        List<Double> d = new ArrayList<>();
        for (Replay.Result r : results) {
            Long l = lead.apply(r);
            if (l != null) {
                d.add(l / (double) DAY);
            }
        }
        return median(d);
    }

    /** Median (NaN when empty; infinite values sort last). */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        int m = a.length / 2;
        if (a.length % 2 == 1) {
            return a[m];
        }
        return Double.isInfinite(a[m]) ? a[m] : 0.5 * (a[m - 1] + a[m]);
    }
}
