package dev.forewarn.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds level shifts — cleanups, log rotations, deletions, resizes — with a robust jump rule:
 * a difference between neighbouring points that departs from the median difference by more than
 * {@link #JUMP_SIGMAS} robust standard deviations (1.4826·MAD of the differences) is a candidate;
 * it counts as a shift only if it is sustained, i.e. the detrended median level over about six
 * hours after it differs from the one before it by at least half the jump. A burst that is
 * written and deleted again within a few hours moves neither median and is therefore not a shift
 * (the robust slope takes care of it). A large daily cycle moves those medians too, by up to its
 * whole swing: where a day of history precedes the jump, it also counts as sustained if the six
 * hours after it differ by that much from the same hours of the day before (the cycle, at the same
 * phase, cancels). A shift whose window before it reached much further the other way (the last
 * minutes of a nightly spool's return), or had already been at the new level (a spool written,
 * held and deleted within the window), is that excursion's end, not a shift. Candidates closer
 * than half a window merge into one.
 */
final class LevelShifts {

    static final double JUMP_SIGMAS = 8.0;
    static final long WINDOW_MILLIS = 6 * 3_600_000L;
    /** The period of the cycle a jump is also judged against (ms): a day. */
    static final long DAY_MILLIS = 86_400_000L;

    /**
     * One sustained shift.
     *
     * @param index      index of the first point of the new level
     * @param timeMillis time of that point
     * @param size       the shift in series units (new level minus old, trend removed)
     */
    record Shift(int index, long timeMillis, double size) {
    }

    private LevelShifts() {
    }

    static List<Shift> find(long[] t, double[] y) {
        int n = y.length;
        List<Shift> out = new ArrayList<>();
        if (n < 8) {
            return out;
        }
        double[] d = new double[n - 1];
        double maxAbs = 0;
        for (int i = 1; i < n; i++) {
            d[i - 1] = y[i] - y[i - 1];
            maxAbs = Math.max(maxAbs, Math.abs(y[i]));
        }
        double medD = Robust.median(d);
        double sigma = Math.max(Robust.madSigma(d), 1e-9 * maxAbs + 1e-12);
        long medianStep = Math.max(1, (t[n - 1] - t[0]) / (n - 1));
        int w = (int) Math.max(6, Math.min(200, WINDOW_MILLIS / medianStep));
        int day = (int) Math.round(DAY_MILLIS / (double) medianStep);
        int lastAccepted = -w;
        for (int i = 1; i < n; i++) {
            double jump = d[i - 1] - medD;
            if (Math.abs(jump) <= JUMP_SIGMAS * sigma) {
                continue;
            }
            int before = Math.max(0, i - w);
            int after = Math.min(n, i + w);
            if (after - i < 3 || i - before < 3) {
                continue;
            }
            double shift = detrendedMedian(y, medD, i, after) - detrendedMedian(y, medD, before, i);
            if (!sustained(shift, jump, sigma)) {
                // The day before, at the same hours, lies wholly before the jump when a day is longer than the window.
                if (i - day < 0 || after - day > i) {
                    continue;
                }
                shift = sinceTheDayBefore(y, medD, i, after, day);
                if (!sustained(shift, jump, sigma)) {
                    continue;
                }
            }
            if (returnOfExcursion(y, before, i, after, shift)) {
                continue;
            }
            if (!out.isEmpty() && i - lastAccepted < w / 2 && Math.signum(out.get(out.size() - 1).size()) == Math.signum(shift)) {
                // A drop spread over neighbouring samples is one shift: keep the later boundary.
                Shift prev = out.remove(out.size() - 1);
                out.add(new Shift(i, t[i], prev.size() + jump));
            } else {
                out.add(new Shift(i, t[i], shift));
            }
            lastAccepted = i;
        }
        return out;
    }

    /** How much deeper than the shift an excursion before it must reach for the shift to be its return. */
    static final double EXCURSION_DEPTH = 3;
    /** Within what share of the shift the window before it must have been at the new level for the shift to restore it. */
    static final double RESTORED_SHARE = 0.25;

    /**
     * Whether the shift at {@code i} ends the return of an excursion: within the window before it
     * the series was, at its 5th percentile the other way from the shift, more than
     * {@link #EXCURSION_DEPTH} times the shift away from the level after it (a nightly spool of
     * 670 GB under noise of 7 GB whose 6-hour medians around its deletion happened to differ by
     * 45 GB); or, at its 95th percentile toward the shift, within {@link #RESTORED_SHARE} of the
     * shift of that level: the excursion began inside the window, and its end restores the level
     * it left (a spool of 28 GB written in half an hour and held for 2.5, whose deletion read as a
     * 17 GB cleanup on one night, started a regime of a day and a half whose slope warned). A
     * cleanup's window before it lies wholly at the old level, a shift away.
     */
    private static boolean returnOfExcursion(double[] y, int before, int i, int after, double shift) {
        double[] b = Arrays.copyOfRange(y, before, i);
        double far = Robust.select(b, shift > 0 ? (int) Math.floor(0.05 * (b.length - 1)) : (int) Math.ceil(0.95 * (b.length - 1)));
        double level = Robust.median(y, i, after);
        if (Math.abs(level - far) > EXCURSION_DEPTH * Math.abs(shift) && Math.signum(level - far) == Math.signum(shift)) {
            return true;
        }
        double near = Robust.select(b, shift > 0 ? (int) Math.ceil(0.95 * (b.length - 1)) : (int) Math.floor(0.05 * (b.length - 1)));
        return Math.signum(shift) * (level - near) < RESTORED_SHARE * Math.abs(shift);
    }

    /** Whether a level change {@code shift} bears out a candidate {@code jump} (both in series units). */
    private static boolean sustained(double shift, double jump, double sigma) {
        return Math.signum(shift) == Math.signum(jump) && Math.abs(shift) >= 0.5 * Math.abs(jump) && Math.abs(shift) > JUMP_SIGMAS * sigma;
    }

    /**
     * The median, over points {@code from} to {@code to} (exclusive), of each point less the point
     * {@code day} samples earlier, trend removed: the level change since the same hours of the day
     * before, in series units.
     */
    private static double sinceTheDayBefore(double[] y, double medD, int from, int to, int day) {
        double[] r = new double[to - from];
        for (int j = from; j < to; j++) {
            r[j - from] = y[j] - y[j - day] - medD * day;
        }
        return Robust.median(r);
    }

    private static double detrendedMedian(double[] y, double medD, int from, int to) {
        double[] r = new double[to - from];
        for (int j = from; j < to; j++) {
            r[j - from] = y[j] - medD * j;
        }
        return Robust.median(r);
    }
}
