package dev.forewarn.forecast;

import dev.forewarn.series.Resample;
import dev.forewarn.series.Series;
import dev.forewarn.series.Times;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which points the trend is fitted to: the current regime — the points since the last level
 * shift — when it is at least {@link ForecastEngine#REGIME_MIN_DAYS} old; otherwise the regime
 * plus as many earlier segments as make up that span, fitted with one slope and one level per
 * segment. Never more than {@link ForecastEngine#MAX_WINDOW_DAYS} back.
 *
 * @param fromMillis first time in the window
 * @param shifts     the level shifts inside the window (segment boundaries)
 * @param lastShift  the most recent shift overall, or null
 */
record Regime(long fromMillis, List<LevelShifts.Shift> shifts, LevelShifts.Shift lastShift, long atMillis, boolean wholeHistory) {

    static Regime choose(Series s, List<LevelShifts.Shift> shifts, long atMillis) {
        long cap = atMillis - Math.round(ForecastEngine.MAX_WINDOW_DAYS * Window.DAY_MILLIS);
        long minSpan = Math.round(ForecastEngine.REGIME_MIN_DAYS * Window.DAY_MILLIS);
        LevelShifts.Shift last = shifts.isEmpty() ? null : shifts.get(shifts.size() - 1);
        long from = s.firstMillis();
        for (int i = shifts.size() - 1; i >= 0; i--) {
            if (atMillis - shifts.get(i).timeMillis() >= minSpan) {
                from = shifts.get(i).timeMillis();
                break;
            }
        }
        boolean whole = from == s.firstMillis() && from >= cap;
        from = Math.max(from, cap);
        List<LevelShifts.Shift> inside = new ArrayList<>();
        for (LevelShifts.Shift sh : shifts) {
            if (sh.timeMillis() > from) {
                inside.add(sh);
            }
        }
        return new Regime(from, List.copyOf(inside), last, atMillis, whole);
    }

    /** The window's points as a model input, averaged onto a coarser grid above {@code maxPoints}. */
    Window window(Series s, int maxPoints) {
        Series part = s.between(fromMillis, atMillis);
        int raw = part.size();
        long step = Resample.stepFor(part, maxPoints);
        if (step > 0) {
            part = Resample.mean(part, step);
        }
        int n = part.size();
        double[] x = new double[n];
        double[] y = new double[n];
        int[] seg = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            long t = part.timeMillis(i);
            while (k < shifts.size() && shifts.get(k).timeMillis() <= t) {
                k++;
            }
            x[i] = (t - atMillis) / Window.DAY_MILLIS;
            y[i] = part.value(i);
            seg[i] = k;
        }
        return new Window(atMillis, x, y, seg, raw);
    }

    /** In words, for the method field: "the 9.5 days since the level shift of ...". */
    String describe() {
        double days = (atMillis - fromMillis) / Window.DAY_MILLIS;
        String span = String.format(Locale.ROOT, "%.1f days", days);
        if (shifts.isEmpty()) {
            if (lastShift != null && lastShift.timeMillis() <= fromMillis) {
                return "the " + span + " since the " + kind(lastShift) + " of " + Times.iso(lastShift.timeMillis());
            }
            return wholeHistory ? "all " + span + " of history" : "the last " + span;
        }
        return "the last " + span + " (" + (shifts.size() + 1) + " segments split by level shifts, the latest a "
                + kind(lastShift) + " at " + Times.iso(lastShift.timeMillis()) + "; one slope, level of the current segment)";
    }

    static String kind(LevelShifts.Shift s) {
        return (s.size() < 0 ? "drop of " : "rise of ") + ModelChoice.num(Math.abs(s.size()));
    }
}
