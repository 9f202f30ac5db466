package dev.forewarn.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds level shifts — cleanups, log rotations, deletions, resizes — with a robust jump rule:
 * a difference between neighbouring points that departs from the median difference by more than
 * {@link #JUMP_SIGMAS} robust standard deviations (1.4826·MAD of the differences) is a candidate;
 * it counts as a shift only if it is sustained, i.e. the detrended median level over about six
 * hours after it differs from the one before it by at least half the jump. A burst that is
 * written and deleted again within a few hours moves neither median and is therefore not a shift
 * (the robust slope takes care of it). Candidates closer than half a window merge into one.
 */
final class LevelShifts {

    static final double JUMP_SIGMAS = 8.0;
    static final long WINDOW_MILLIS = 6 * 3_600_000L;

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
            if (Math.signum(shift) != Math.signum(jump) || Math.abs(shift) < 0.5 * Math.abs(jump)
                    || Math.abs(shift) <= JUMP_SIGMAS * sigma) {
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

    private static double detrendedMedian(double[] y, double medD, int from, int to) {
        double[] r = new double[to - from];
        for (int j = from; j < to; j++) {
            r[j - from] = y[j] - medD * j;
        }
        return Robust.median(r);
    }
}
