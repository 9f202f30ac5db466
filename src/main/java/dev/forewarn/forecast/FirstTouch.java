package dev.forewarn.forecast;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * When the series itself first reaches the threshold: the one mechanism behind every dated
 * projection. It simulates {@link #PATHS} future paths at the series' own sampling step, each
 * the model's mean path plus a slope drawn from the slope's uncertainty plus residuals resampled
 * in blocks from the series' recent past (a moving-block bootstrap, Künsch 1989; with two days
 * or more of residuals the blocks are whole days aligned to the time of day, so the daily cycle,
 * its bursts and its autocorrelated deviations come back at the hour they happen; a cycle of
 * several days, a weekly sawtooth's, draws each future day from the same day of a past cycle).
 * Each path starts from the series' present deviation, which fades as the residuals'
 * autocorrelation does ({@link Persistence}), and its slope draw may be scaled by the horizon
 * (calibrated separately for short and long horizons). Each path's
 * first sample at or beyond the threshold is its first touch; the answer is the distribution of
 * those times. A block whose highest possible value cannot reach the threshold is skipped
 * without looking at its samples (coarse far from the threshold, sample by sample near it).
 * Deterministic: the random generator is seeded by the caller (from the data hash).
 */
final class FirstTouch {

    /** Simulated paths; quantiles at 10 % and 90 % rest on about 25 paths each. */
    static final int PATHS = 256;
    /** How far (hours) a touch simulated from blocks aligned to a cycle may come early or late, when the blocks have a cycle ({@link Persistence#hasDailyCycle}). */
    static final double JITTER_HOURS = 0.5;
    /**
     * How far (hours) a touch simulated from blocks of a residual cycle of several days (a batch
     * job's steps) may come early or late: the job's start varies by an hour or so, and the
     * cycle's length is known to about an hour, which a replay of a cycle some weeks back carries
     * forward. With half an hour, a staircase's 80 % intervals under 3 days out held 65 % of 206
     * first touches (60 draws), the step having come earlier than every path's; with two hours, 70 %.
     */
    static final double STEP_JITTER_HOURS = 2.0;
    /** Points of the exposed path band. */
    static final int PATH_POINTS = 60;

    /**
     * The simulation's outcome.
     *
     * @param touchDays   each path's first touch, days after the evaluation time, sorted; +∞ when none within the horizon
     * @param gridDays    times of the path band, days after the evaluation time
     * @param median      median simulated value at each grid time
     * @param low         (1−c)/2 quantile of the simulated values
     * @param high        (1+c)/2 quantile
     */
    record Result(double[] touchDays, double[] gridDays, double[] median, double[] low, double[] high) {

        /**
         * The p-quantile of the first-touch time (+∞ when more than 1−p of the paths never touch);
         * between two paths, the earlier (the median of 256 paths is the 128th touch: a clean
         * line that crosses at a sample has half its paths touch there and half a step later).
         */
        double quantile(double p) {
            int k = (int) Math.ceil(p * (touchDays.length - 1) - 0.5);
            return touchDays[Math.max(0, Math.min(touchDays.length - 1, k))];
        }

        /** How many paths touched within the horizon. */
        int touched() {
            int n = 0;
            for (double d : touchDays) {
                if (Double.isFinite(d)) {
                    n++;
                }
            }
            return n;
        }
    }

    /**
     * Residuals of the raw series about the model's mean path, on a regular grid.
     *
     * @param values     residuals, oldest first; the last one belongs to {@code lastDays}
     * @param stepDays   grid step, days (the series' sampling step)
     * @param lastDays   time of the last residual, days relative to the evaluation time (≤ 0)
     */
    record Residuals(double[] values, double stepDays, double lastDays) {
    }

    /**
     * How the residuals are resampled. With two whole cycles of {@code cycleDays} known, each
     * future day is a past day at the same point of the cycle (a weekly cycle's Monday is a past
     * Monday): its working days and its weekend come back on the right days. Else, when the
     * residuals have a cycle of several days of their own ({@link ResidualCycle}: a staircase's
     * steps, a weekly rhythm) and two of them are known, blocks of one such cycle, aligned to the
     * present, so that the next step comes when the cycle says. Else blocks of a day, aligned to
     * the time of day, when two days are known ({@code daily}); else shorter blocks from any start.
     * A residual cycle that is not a whole number of days (steps every 5.5 days) would bring the
     * daily cycle back at the wrong hour, so its blocks are replayed without their daily profile,
     * and the profile is added back at the time of day of the future sample ({@code dayProfile}).
     *
     * @param cycleDays     days of the cycle each future day keeps its place in (1: none)
     * @param daily         whether the blocks are aligned to the present: whole days, or whole residual cycles
     * @param periodSamples length of a residual cycle's blocks in samples (0: none)
     * @param dayProfile    the residuals' mean daily profile ({@link Persistence#dailyProfile}) when the
     *                      residual cycle is not a whole number of days, else null
     */
    record Blocks(int cycleDays, boolean daily, int periodSamples, double[] dayProfile) {

        /**
         * The blocks {@code res} allows for a cycle of {@code blockDays} days; a cycle of the
         * residuals' own is looked for only when {@code residualCycle} (residuals about a trend:
         * a sawtooth's mean path already follows its cycles) and {@code blockDays} is 1.
         */
        static Blocks of(Residuals res, int blockDays, boolean residualCycle) {
            int n = res.values().length;
            int perDay = (int) Math.max(1, Math.round(1.0 / res.stepDays()));
            if (blockDays > 1 && n >= 2 * blockDays * perDay) {
                return new Blocks(blockDays, true, 0, null);
            }
            int period = blockDays > 1 || !residualCycle ? 0 : ResidualCycle.periodSamples(res.values(), res.stepDays());
            if (period > 0 && n >= 2 * period) {
                return new Blocks(1, true, period, period % perDay == 0 ? null : Persistence.dailyProfile(res.values(), perDay));
            }
            return new Blocks(1, n >= 2 * perDay, 0, null);
        }

        /**
         * The daily profile's value at the time of day of future sample {@code j} (1: the one
         * after the last residual), 0 without a profile.
         */
        double dayAt(long j) {
            return dayProfile == null ? 0 : dayProfile[(int) Math.floorMod(-j, (long) dayProfile.length)];
        }

        /** Residual {@code i} of {@code r} less the daily profile at its time of day (itself without a profile). */
        double withoutDay(double[] r, int i) {
            return dayProfile == null ? r[i] : r[i] - dayProfile[(r.length - 1 - i) % dayProfile.length];
        }

        /**
         * The index of the residual the simulation would give at {@code targetMillis} from past
         * block number {@code pick} (any int: taken modulo the blocks known): with aligned blocks
         * the one at the same point of the day or cycle, else any from {@code from} on (a window
         * ending there has its whole length behind it). The calibration judges past errors
         * against the residuals the paths are built from.
         */
        int indexAt(Residuals res, long atMillis, long targetMillis, int pick, int from) {
            int n = res.values().length;
            if (!aligned(res)) {
                int lo = Math.max(0, Math.min(n - 1, from));
                return lo + Math.floorMod(pick, n - lo);
            }
            int len = blockLength(res);
            int offset = (int) Math.floorMod(sampleAfter(res, atMillis, targetMillis) - 1, (long) len);
            int m = 1 + Math.floorMod(pick, n / len);
            return n - m * len + offset;
        }

        private int blockLength(Residuals res) {
            return periodSamples > 0 ? periodSamples : (int) Math.max(1, Math.round(1.0 / res.stepDays()));
        }

        private boolean aligned(Residuals res) {
            return daily && res.values().length / blockLength(res) > 0;
        }

        /** Which future sample {@code targetMillis} is (1: the one after the last residual). */
        private static long sampleAfter(Residuals res, long atMillis, long targetMillis) {
            return Math.round(((targetMillis - atMillis) / Window.DAY_MILLIS - res.lastDays()) / res.stepDays());
        }

        /** The blocks in words, for the method's reason. */
        String words(double stepDays) {
            if (periodSamples > 0) {
                return "blocks of the residuals' own " + ModelChoice.num(Math.round(periodSamples * stepDays * 10) / 10.0)
                        + "-day cycle, aligned to the present,";
            }
            return cycleDays > 1 ? "day blocks, each from the same day of the " + cycleDays + "-day cycle," : daily ? "day blocks" : "short blocks";
        }
    }

    private FirstTouch() {
    }

    /**
     * Simulates the first touch.
     *
     * @param mean        the model's mean path, value at x days after the evaluation time
     * @param slopeDraws  one slope perturbation per path, units per day (length {@link #PATHS})
     * @param levelDraws  one level offset per path for the future, units (null: none): how much a future peak may differ
     * @param res         the residuals to resample
     * @param threshold   the level that counts as exhaustion
     * @param direction   which way it lies
     * @param horizonDays no touch is looked for beyond this
     * @param confidence  coverage of the path band
     * @param seed        the generator's seed
     */
    static Result simulate(DoubleUnaryOperator mean, double[] slopeDraws, double[] levelDraws, Residuals res, double threshold, Direction direction,
                           double horizonDays, double confidence, long seed) {
        return simulate(mean, slopeDraws, null, null, levelDraws, 0, null, res, Blocks.of(res, 1, false), threshold, direction, horizonDays, confidence, seed);
    }

    /**
     * As above, with blocks of {@code blockDays} whole days (a sawtooth's weekly cycle: its
     * working days and its weekend come back on the right days) when twice that is known.
     */
    static Result simulate(DoubleUnaryOperator mean, double[] slopeDraws, double[] levelDraws, Residuals res, int blockDays,
                           double threshold, Direction direction, double horizonDays, double confidence, long seed) {
        return simulate(mean, slopeDraws, null, null, levelDraws, 0, null, res, Blocks.of(res, blockDays, false), threshold, direction, horizonDays, confidence, seed);
    }

    /**
     * As above, with the slope perturbation scaled by {@code slopeScale} (a factor at x days
     * ahead, null for 1): path p moves {@code slopeDraws[p] · x · slopeScale(x)} off the mean
     * path, so that the spread can be calibrated separately at short and long horizons; the level
     * draws apply only beyond {@code levelFromDays} (a sawtooth's next cleanup: the level of the
     * cycle under way is known, those of the later cycles' peaks are not), times
     * {@code levelShare(x)} at x days ahead (a share from 0 to 1; null for 1: a level spread
     * calibrated on errors up to a week ahead fades where the long horizons' errors set the band
     * without it). Each path also
     * wanders off the mean path as a random walk of {@code walkSd(x)} units per √day at x days
     * ahead (a rate that drifts from day to day: {@link ErrorGrowth}, {@link Wander}; null for
     * none), drawn once a block and linear within it.
     */
    static Result simulate(DoubleUnaryOperator mean, double[] slopeDraws, DoubleUnaryOperator slopeScale, DoubleUnaryOperator walkSd, double[] levelDraws,
                           double levelFromDays, DoubleUnaryOperator levelShare,
                           Residuals res,
                           Blocks kind, double threshold, Direction direction, double horizonDays, double confidence, long seed) {
        DoubleUnaryOperator scale = slopeScale == null ? x -> 1 : slopeScale;
        double sign = direction == Direction.UP ? 1 : -1;
        double[] r = res.values();
        int n = r.length;
        double step = res.stepDays();
        int perDay = (int) Math.max(1, Math.round(1.0 / step));
        // The present deviation lasts as long as the residuals' own autocorrelation says; with blocks of
        // a residual cycle, for good.
        Persistence persist = kind.periodSamples() > 0 ? Persistence.whole(r, step, perDay) : Persistence.of(r, step, perDay);
        double forgotten = persist.forgottenAfterDays();
        int cycle = kind.cycleDays();
        boolean daily = kind.daily();
        int len = kind.periodSamples() > 0 ? kind.periodSamples()
                : daily ? perDay : Math.max(1, Math.min(n, Math.max((int) Math.round(1.0 / 24 / step), n / 4)));
        // The residuals as the blocks replay them: without their daily profile when it is added back at the future time of day.
        double[] u = r;
        double dayMax = 0;
        if (kind.dayProfile() != null) {
            u = new double[n];
            for (int i = 0; i < n; i++) {
                u[i] = kind.withoutDay(r, i);
            }
            dayMax = Double.NEGATIVE_INFINITY;
            for (double x : kind.dayProfile()) {
                dayMax = Math.max(dayMax, sign * x);
            }
        }
        int[] starts;
        if (daily) {
            starts = new int[n / len];
            for (int m = 1; m <= starts.length; m++) {
                starts[m - 1] = n - m * len;
            }
        } else {
            starts = new int[n - len + 1];
            for (int s = 0; s < starts.length; s++) {
                starts[s] = s;
            }
        }
        // The starts whose day is at each point of the cycle: start m days back serves future day b when m + b is a whole number of cycles.
        int[][] byPhase = new int[cycle][];
        if (cycle > 1) {
            for (int c = 0; c < cycle; c++) {
                int cnt = 0;
                for (int m = 1; m <= starts.length; m++) {
                    if (m % cycle == c) {
                        cnt++;
                    }
                }
                byPhase[c] = new int[cnt];
                cnt = 0;
                for (int m = 1; m <= starts.length; m++) {
                    if (m % cycle == c) {
                        byPhase[c][cnt++] = m - 1;
                    }
                }
            }
        }
        // Blocks aligned to a cycle replay past days at the clock time they happened; the cycle itself comes
        // within JITTER_HOURS of it (STEP_JITTER_HOURS for a residual cycle's steps), not to the minute (a
        // trough's hour is known, its minute is noise): each path's touch comes that much early or late.
        // Day blocks without a daily cycle in them have no clock time to be unsure of: the blocks' own
        // noise already sets when a path touches (with the jitter on all day blocks, an accelerating fill's
        // 80 % intervals 3-14 days out held 90.4 % of first touches; only where a daily cycle stands out, 90.0 %,
        // 60 draws, seed 1).
        double jitterHours = kind.periodSamples() > 0 ? STEP_JITTER_HOURS : JITTER_HOURS;
        boolean clockTime = kind.periodSamples() > 0 || cycle > 1 || Persistence.hasDailyCycle(r, perDay);
        int jitter = daily && clockTime ? (int) Math.min(len / 4, Math.round(jitterHours / 24 / step)) : 0;
        double[] ext = new double[starts.length];
        for (int k = 0; k < starts.length; k++) {
            double e = Double.NEGATIVE_INFINITY;
            for (int o = 0; o < len; o++) {
                e = Math.max(e, sign * u[starts[k] + o]);
            }
            ext[k] = e;
        }
        double d0 = res.lastDays();
        int blocks = (int) Math.min(Integer.MAX_VALUE - 1, Math.ceil((horizonDays - d0) / (len * step)));
        // Highest value of the mean path toward the threshold in each block, on a grid no coarser
        // than an hour, plus what the path can move between grid points.
        double[] blockMax = new double[blocks];
        // The range of x·scale(x) within each block (the slope perturbation is a draw times it).
        double[] pertLo = new double[blocks];
        double[] pertHi = new double[blocks];
        int g = Math.max(1, Math.min(len, (int) Math.floor(1.0 / 24 / step)));
        double slopeBound = 0;
        double pertBound = 0;
        double prevPx = Double.NaN;
        for (int b = 0; b < blocks; b++) {
            double mx = Double.NEGATIVE_INFINITY;
            int first = b * len + 1;
            int last = b * len + len;
            double prev = Double.NaN;
            double pl = Double.POSITIVE_INFINITY;
            double ph = Double.NEGATIVE_INFINITY;
            for (int j = first; ; j += g) {
                int jj = Math.min(j, last);
                double x = d0 + jj * step;
                double v = sign * mean.applyAsDouble(x);
                mx = Math.max(mx, v);
                double px = x * scale.applyAsDouble(x);
                pl = Math.min(pl, px);
                ph = Math.max(ph, px);
                if (!Double.isNaN(prevPx)) {
                    pertBound = Math.max(pertBound, Math.abs(px - prevPx));
                }
                prevPx = px;
                if (!Double.isNaN(prev)) {
                    slopeBound = Math.max(slopeBound, Math.abs(v - prev));
                }
                prev = v;
                if (jj == last) {
                    break;
                }
            }
            blockMax[b] = mx + dayMax;
            pertLo[b] = pl;
            pertHi[b] = ph;
        }
        // Between grid points the perturbation moves by at most the largest draw times the largest step of x·scale(x).
        double maxDraw = 0;
        for (double sd : slopeDraws) {
            maxDraw = Math.max(maxDraw, Math.abs(sd));
        }
        double margin = slopeBound + maxDraw * pertBound + 1e-12 * Math.abs(threshold);
        double target = sign * threshold;
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] touch = new double[slopeDraws.length];
        int[][] chosen = new int[slopeDraws.length][];
        double[] shift = new double[slopeDraws.length];
        double blockRoot = Math.sqrt(len * step);
        double[][] meanAt = new double[blocks][];
        double[][] pertAt = new double[blocks][];
        double[][] levelAt = new double[blocks][];
        for (int p = 0; p < slopeDraws.length; p++) {
            double walkFrom = 0;
            double walkTo = 0;
            int late = jitter == 0 ? 0 : rnd.nextInt(2 * jitter + 1) - jitter;
            double delta = sign * slopeDraws[p];
            double lift = levelDraws == null ? 0 : levelDraws[p];
            touch[p] = Double.POSITIVE_INFINITY;
            // Only the blocks the band needs are remembered; the rest are drawn and forgotten.
            int keep = Math.min(blocks, 4096);
            int[] picks = new int[keep];
            for (int b = 0; b < blocks; b++) {
                int k;
                if (cycle > 1) {
                    int[] same = byPhase[(cycle - b % cycle) % cycle];
                    k = same[rnd.nextInt(same.length)];
                } else {
                    k = rnd.nextInt(starts.length);
                }
                if (b < keep) {
                    picks[b] = k;
                }
                if (b == 0) {
                    // The path starts from the present deviation, not from that before its first block.
                    shift[p] = persist.shift(starts[k]);
                }
                double carry = shift[p] * persist.at(Math.max(0, (b * len + 1) * step));
                double tEnd = d0 + (b * len + len) * step;
                if (tEnd - len * step > horizonDays) {
                    break;
                }
                walkFrom = walkTo;
                if (walkSd != null) {
                    walkTo = walkFrom + walkSd.applyAsDouble(tEnd) * blockRoot * NORMAL[rnd.nextInt(NORMAL.length)];
                }
                double walkMax = Math.max(0, Math.max(sign * walkFrom, sign * walkTo));
                double bound = blockMax[b] + Math.max(delta * pertLo[b], delta * pertHi[b]) + (tEnd > levelFromDays ? Math.max(0, sign * lift) : 0)
                        + Math.max(0, sign * carry) + walkMax + ext[k] + margin;
                if (bound < target) {
                    continue;
                }
                int s = starts[k];
                boolean hit = false;
                // The mean path and x·scale(x) of a block, worked out for the first path that needs them and
                // kept for the others: this loop is the hot one, and a call per step cost most of it.
                double[] mb = meanAt[b];
                double[] sb = pertAt[b];
                double[] lb = levelAt[b];
                if (mb == null) {
                    mb = new double[len];
                    sb = new double[len];
                    lb = new double[len];
                    for (int o = 0; o < len; o++) {
                        double d = d0 + (b * len + o + 1) * step;
                        mb[o] = mean.applyAsDouble(d) + kind.dayAt(b * len + o + 1);
                        sb[o] = slopeScale == null ? d : d * slopeScale.applyAsDouble(d);
                        lb[o] = d <= levelFromDays ? 0 : levelShare == null ? 1 : levelShare.applyAsDouble(d);
                    }
                    meanAt[b] = mb;
                    pertAt[b] = sb;
                    levelAt[b] = lb;
                }
                for (int o = 0; o < len; o++) {
                    double d = d0 + (b * len + o + 1) * step;
                    if (d > horizonDays) {
                        break;
                    }
                    // (The persistence is looked up only where it can matter.)
                    double carried = shift[p] == 0 || d - d0 >= forgotten ? 0 : shift[p] * persist.at(d - d0);
                    double walk = walkFrom + (walkTo - walkFrom) * (o + 1) / len;
                    double v = sign * (mb[o] + sign * delta * sb[o] + lift * lb[o] + u[s + o] + carried + walk);
                    if (v >= target) {
                        touch[p] = Math.max(Math.min(d, step), d + late * step);
                        hit = true;
                        break;
                    }
                }
                if (hit) {
                    break;
                }
            }
            chosen[p] = picks;
        }
        double[] sorted = touch.clone();
        Arrays.sort(sorted);
        // The band: out to the late quantile of the touch (or 30 days without one), within the horizon.
        double hiQ = new Result(sorted, null, null, null, null).quantile((1 + confidence) / 2);
        double extent = Math.min(horizonDays, Double.isFinite(hiQ) ? Math.max(hiQ * 1.25, 1.0) : 30.0);
        double[] grid = new double[PATH_POINTS];
        double[] med = new double[PATH_POINTS];
        double[] lo = new double[PATH_POINTS];
        double[] hi = new double[PATH_POINTS];
        // Each path takes its own block's residual at a time up to half an hour either side of the grid
        // time (a fixed offset per path and point): paths that drew the same day would otherwise give
        // the band one value between them.
        int half = (int) Math.max(0, Math.min((len - 1) / 2, Math.round(1.0 / 48 / step)));
        int width = 2 * half + 1;
        double[] vals = new double[slopeDraws.length];
        // The band's walk: each path's value at the grid time has the walk's spread there (one normal a path).
        double[] walkZ = new double[slopeDraws.length];
        if (walkSd != null) {
            SplittableRandom wr = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
            for (int p = 0; p < walkZ.length; p++) {
                walkZ[p] = gaussian(wr);
            }
        }
        for (int i = 0; i < PATH_POINTS; i++) {
            double d = extent * (i + 1) / PATH_POINTS;
            grid[i] = d;
            long j = Math.max(1, Math.round((d - d0) / step));
            int b = (int) Math.min(blocks - 1, (j - 1) / len);
            int o = (int) ((j - 1) - (long) b * len);
            double m = mean.applyAsDouble(d);
            double sx = d * scale.applyAsDouble(d);
            double rho = persist.at(d - d0);
            double walkAt = walkSd == null ? 0 : walkSd.applyAsDouble(d) * Math.sqrt(Math.max(0, d));
            double levelW = levelDraws == null || d <= levelFromDays ? 0 : levelShare == null ? 1 : levelShare.applyAsDouble(d);
            for (int p = 0; p < slopeDraws.length; p++) {
                int k = b < chosen[p].length ? chosen[p][b] : chosen[p][b % Math.max(1, chosen[p].length)];
                int w = (p * 7 + i * 3) % width - half;
                int at = Math.max(0, Math.min(len - 1, Math.min(o, len - 1) + w));
                vals[p] = m + slopeDraws[p] * sx + (levelW == 0 ? 0 : levelW * levelDraws[p]) + shift[p] * rho + walkAt * walkZ[p]
                        + u[starts[k] + at] + kind.dayAt((long) b * len + at + 1);
            }
            Arrays.sort(vals);
            med[i] = vals[vals.length / 2];
            lo[i] = vals[(int) Math.round((1 - confidence) / 2 * (vals.length - 1))];
            hi[i] = vals[(int) Math.round((1 + confidence) / 2 * (vals.length - 1))];
        }
        return new Result(sorted, grid, med, lo, hi);
    }

    /** Evenly spaced quantiles of the standard normal: a walk's steps are drawn from them (a year of daily steps for 256 paths cost a tenth of a forecast by Box–Muller). */
    private static final double[] NORMAL = new double[1024];

    static {
        org.apache.commons.math3.distribution.NormalDistribution nd = new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1);
        for (int i = 0; i < NORMAL.length; i++) {
            NORMAL[i] = nd.inverseCumulativeProbability((i + 0.5) / NORMAL.length);
        }
    }

    /** A standard normal (Box–Muller: SplittableRandom has none on Java 17). */
    static double gaussian(SplittableRandom rnd) {
        double u = Math.max(1e-300, rnd.nextDouble());
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    /**
     * The residuals of {@code t, y} (times in epoch ms, raw values) about the mean path, put on a
     * regular grid at the median sampling step (at least a minute); where several points fall in
     * one grid cell the one nearest the threshold is kept, so a coarser grid never hides a touch.
     * Each segment (between the given boundary times) is centred on its own median, as the models
     * give each segment its own level; with {@code boundaries} null nothing is centred (the mean
     * path already passes through each cycle's own levels, as a sawtooth's does).
     */
    static Residuals residuals(long[] t, double[] y, long atMillis, DoubleUnaryOperator mean, long[] boundaries, Direction direction) {
        int n = t.length;
        double sign = direction == Direction.UP ? 1 : -1;
        long[] gaps = new long[Math.max(1, n - 1)];
        for (int i = 1; i < n; i++) {
            gaps[i - 1] = t[i] - t[i - 1];
        }
        Arrays.sort(gaps);
        long stepMillis = Math.max(60_000L, n > 1 ? gaps[(n - 1) / 2] : 300_000L);
        double[] res = new double[n];
        int seg = 0;
        int segStart = 0;
        for (int i = 0; i <= n; i++) {
            boolean end = boundaries != null && (i == n || (seg < boundaries.length && t[i] >= boundaries[seg]));
            if (i == n && boundaries == null) {
                break;
            }
            if (end) {
                if (i > segStart) {
                    double med = Robust.median(res, segStart, i);
                    for (int k = segStart; k < i; k++) {
                        res[k] -= med;
                    }
                }
                if (i == n) {
                    break;
                }
                while (seg < boundaries.length && t[i] >= boundaries[seg]) {
                    seg++;
                }
                segStart = i;
            }
            res[i] = y[i] - mean.applyAsDouble((t[i] - atMillis) / Window.DAY_MILLIS);
        }
        long last = t[n - 1];
        int cells = (int) Math.min(1_000_000, (last - t[0]) / stepMillis + 1);
        double[] grid = new double[cells];
        boolean[] set = new boolean[cells];
        for (int i = 0; i < n; i++) {
            int c = cells - 1 - (int) ((last - t[i]) / stepMillis);
            if (c < 0) {
                continue;
            }
            if (!set[c] || sign * res[i] > sign * grid[c]) {
                grid[c] = res[i];
                set[c] = true;
            }
        }
        // A gap in the samples takes the last value before it: no invented excursions.
        double prev = 0;
        for (int c = 0; c < cells; c++) {
            if (set[c]) {
                prev = grid[c];
            } else {
                grid[c] = prev;
            }
        }
        return new Residuals(grid, stepMillis / Window.DAY_MILLIS, (last - atMillis) / Window.DAY_MILLIS);
    }
}
