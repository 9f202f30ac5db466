package dev.forewarn.forecast;

import dev.forewarn.series.Resample;
import dev.forewarn.series.Series;
import dev.forewarn.series.Times;
import dev.forewarn.series.Units;
import java.util.ArrayList;
import java.util.List;

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
        if (last != null && atMillis - last.timeMillis() < minSpan && youngForecastsBetter(s, last.timeMillis(), from, atMillis)) {
            from = last.timeMillis(); // a fresh trend after a restart or deploy: its own slope, not the old one
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

    /** A young regime needs at least this span before its own slope may be tried against the old one. */
    static final long YOUNG_MIN_MILLIS = 6 * 3_600_000L;

    /**
     * Whether the young regime's own slope forecast its own second half better than the older
     * history's slope did (by a fifth at least): each fitted on the young regime's first half
     * (the old slope only takes its level from it) and judged on the median of its last tenth,
     * both with the older history's daily profile taken out when it holds two days.
     */
    static boolean youngForecastsBetter(Series s, long shiftMillis, long olderFrom, long atMillis) {
        Series young = s.between(shiftMillis, atMillis);
        if (young.spanMillis() < YOUNG_MIN_MILLIS || young.size() < 2 * ForecastEngine.MIN_POINTS) {
            return false;
        }
        Series older = s.between(Math.max(olderFrom, shiftMillis - 7 * 86_400_000L), shiftMillis - 1);
        if (older.size() < ForecastEngine.MIN_POINTS) {
            return true; // nothing older to borrow from
        }
        long mid = young.firstMillis() + young.spanMillis() / 2;
        Series first = young.between(young.firstMillis(), mid);
        int tail = Math.max(3, young.size() / 10);
        Series end = young.slice(young.size() - tail, young.size());
        if (first.size() < ForecastEngine.MIN_POINTS) {
            return false;
        }
        double[] ox = days(older, atMillis);
        double bOld = Robust.theilSenSlope(ox, older.values(), null);
        if (Double.isNaN(bOld)) {
            return false;
        }
        // A daily cycle outlives a restart (memory's working hours) and, over a young regime of
        // hours, moves a slope more than the trend does: the older history's hourly profile is
        // taken out of both before they are compared.
        double[] profile = dailyProfile(older, ox, bOld);
        double[] fx = days(first, atMillis);
        double[] fy = withoutProfile(first, profile);
        double bYoung = Robust.theilSenSlope(fx, fy, null);
        if (Double.isNaN(bYoung)) {
            return false;
        }
        double xEnd = Robust.median(days(end, atMillis));
        double actual = Robust.median(withoutProfile(end, profile));
        double predYoung = Robust.intercept(fx, fy, bYoung, 0, fx.length) + bYoung * xEnd;
        double predOld = Robust.intercept(fx, fy, bOld, 0, fx.length) + bOld * xEnd;
        return Math.abs(actual - predYoung) < 0.8 * Math.abs(actual - predOld);
    }

    /**
     * The daily profile (series units per hour bin, UTC) of up to a week of history before a
     * regime that starts at the last shift and is too young for a daily profile of its own (under
     * the two days the daily-profile model needs), or null.
     */
    double[] borrowedProfile(Series s) {
        if (lastShift == null || lastShift.timeMillis() != fromMillis || atMillis - fromMillis >= 2 * 86_400_000L) {
            return null;
        }
        Series older = s.between(fromMillis - 7 * 86_400_000L, fromMillis - 1);
        if (older.size() < ForecastEngine.MIN_POINTS) {
            return null;
        }
        double[] ox = days(older, atMillis);
        double b = Robust.theilSenSlope(ox, older.values(), null);
        return Double.isNaN(b) ? null : dailyProfile(older, ox, b);
    }

    /** The profile's value at {@code millis}. */
    static double profileAt(double[] profile, long millis) {
        return profile[Models.phaseBin(millis, 86_400_000L, PROFILE_BINS)];
    }

    /** {@code s} less the profile at each point's hour. */
    static Series without(Series s, double[] profile) {
        return new Series(s.key(), s.timesMillis(), withoutProfile(s, profile));
    }

    /** Hour-of-day bins (UTC) of the profile a young regime is judged without. */
    static final int PROFILE_BINS = 24;

    /**
     * The median residual about the line of slope {@code b} (units per day) per hour of the day,
     * UTC, in series units; null when {@code s} holds fewer than two whole days (no profile).
     */
    private static double[] dailyProfile(Series s, double[] x, double b) {
        if (s.spanMillis() < 2 * 86_400_000L) {
            return null;
        }
        double a = Robust.intercept(x, s.values(), b, 0, x.length);
        double[] res = new double[x.length];
        int[] bin = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            res[i] = s.value(i) - a - b * x[i];
            bin[i] = Models.phaseBin(s.timeMillis(i), 86_400_000L, PROFILE_BINS);
        }
        return Models.profileOf(res, bin, PROFILE_BINS);
    }

    /** The values of {@code s} less the profile at each point's hour (the values themselves when there is none). */
    private static double[] withoutProfile(Series s, double[] profile) {
        double[] y = s.values().clone();
        if (profile != null) {
            for (int i = 0; i < y.length; i++) {
                y[i] -= profileAt(profile, s.timeMillis(i));
            }
        }
        return y;
    }

    private static double[] days(Series s, long atMillis) {
        double[] x = new double[s.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (s.timeMillis(i) - atMillis) / Window.DAY_MILLIS;
        }
        return x;
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

    /**
     * In words, for the method field: "the 9.5 days since the drop of 12 GB of ..." when the window
     * starts at the shift, "the last 35 days (the longest span fitted; the present trend began after the
     * rise of ...)" when the regime is older than the window; amounts in the series' unit {@code u}.
     */
    String describe(Units u) {
        double days = (atMillis - fromMillis) / Window.DAY_MILLIS;
        String span = ModelChoice.num(days) + (days == 1 ? " day" : " days");
        if (shifts.isEmpty()) {
            if (lastShift != null && lastShift.timeMillis() == fromMillis) {
                return "the " + span + " since the " + kind(lastShift, u) + " of " + Times.local(lastShift.timeMillis(), java.time.ZoneId.systemDefault());
            }
            if (lastShift != null && lastShift.timeMillis() < fromMillis) {
                // the regime is older than the longest window fitted: the fit starts later than the shift, so say both
                return "the last " + span + " (the longest span fitted; the present trend began after the " + kind(lastShift, u) + " on "
                        + Times.local(lastShift.timeMillis(), java.time.ZoneId.systemDefault()) + ")";
            }
            return wholeHistory ? "all " + span + " of history" : "the last " + span;
        }
        return "the last " + span + " (" + (shifts.size() + 1) + " segments split by level shifts, the latest a "
                + kind(lastShift, u) + " at " + Times.local(lastShift.timeMillis(), java.time.ZoneId.systemDefault()) + "; one slope, level of the current segment)";
    }

    static String kind(LevelShifts.Shift s, Units u) {
        return (s.size() < 0 ? "drop of " : "rise of ") + u.format(Math.abs(s.size()));
    }
}
