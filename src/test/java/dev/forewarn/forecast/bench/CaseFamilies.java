package dev.forewarn.forecast.bench;

import static dev.forewarn.forecast.bench.Shapes.PER_DAY;
import static dev.forewarn.forecast.bench.Shapes.PER_HOUR;
import static dev.forewarn.forecast.bench.Shapes.STEP;
import static dev.forewarn.forecast.bench.Shapes.logUniform;
import static dev.forewarn.forecast.bench.Shapes.uniform;

import dev.forewarn.forecast.Direction;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The generated case families. Every case starts the same way: a series sampled every 5 minutes
 * from {@link #T0} (a Monday, 00:00 UTC) for {@link #SPAN_MILLIS}, so it runs on well past its
 * truth; origins follow the one rule of {@link Origins} after the common {@link #WARM_UP_MILLIS}.
 * Each draw takes its parameters (level, slope, noise level and AR(1) correlation, daily and
 * weekly cycle amplitude and phase, rotation period and depth, step size and spacing,
 * acceleration, rate drift) from a generator seeded by (seed, family, draw), so a run is
 * reproducible and a different seed gives different cases.
 *
 * <p>A fill family's noise-free path (a staircase's mean rate) is built to reach its threshold at a
 * drawn time 56–88 days after {@link #T0}; the truth is whatever the noisy series first touches ({@link FirstTouch}),
 * usually earlier. Units are real: disks are {@code fs.avail_bytes} falling toward 0 beside
 * {@code fs.size_bytes}; memory is {@code mem.available_bytes} falling toward 2 % of
 * {@code mem.total_bytes} (the shipped rule's threshold).
 */
public final class CaseFamilies {

    /** 2026-01-05T00:00:00Z, a Monday. */
    public static final long T0 = 1_767_571_200_000L;
    static final long DAY = 86_400_000L;
    static final long HOUR = 3_600_000L;
    /** Every series spans this much: the latest nominal end (88 d) plus a year and a week. */
    static final long SPAN_MILLIS = 460 * DAY;
    static final int N = (int) (SPAN_MILLIS / STEP) + 1;
    /** No origin in the first week of any series: the same for every case. */
    static final long WARM_UP_MILLIS = 7 * DAY;
    static final double GIB = 1024.0 * 1024 * 1024;
    /** Share of memory at which the shipped mem-available rule puts exhaustion. */
    static final double MEM_THRESHOLD_SHARE = 0.02;
    /** A draw whose series breaks its family's promise (a quiet case that touches) is drawn again, at most this often. */
    static final int MAX_ATTEMPTS = 20;

    /**
     * One family: a name, whether it fills or stays quiet, and its generator.
     *
     * @param name      as printed
     * @param kind      fill or quiet
     * @param maxMedianError the target for the median relative ETA error (0.10 = 10 %), NaN for a quiet family
     * @param generator builds one case from a random source
     */
    public record Family(String name, GeneratedCase.Kind kind, double maxMedianError, Generator generator) {

        /** Draw {@code index} under {@code seed}: the same arguments give the same case. */
        public GeneratedCase draw(long seed, int index) {
            SplittableRandom r = new SplittableRandom(seed * 1_000_003L + name.hashCode() * 7919L + index);
            IllegalStateException last = null;
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                try {
                    return generator.make(new Draw(name, kind, index, r));
                } catch (IllegalStateException e) {
                    last = e; // this draw broke the family's promise; the next numbers of the same stream decide
                }
            }
            throw new IllegalStateException(name + " draw " + index + ": no valid case in " + MAX_ATTEMPTS + " attempts", last);
        }
    }

    /** Builds one case. Throws IllegalStateException when the drawn series breaks the family's promise. */
    @FunctionalInterface
    public interface Generator {
        GeneratedCase make(Draw d);
    }

    /** The random source and identity of one draw. */
    public record Draw(String family, GeneratedCase.Kind kind, int index, SplittableRandom r) {
    }

    private CaseFamilies() {
    }

    /** Every family, fill families first. */
    public static List<Family> all() {
        return List.of(
                new Family("linear", GeneratedCase.Kind.FILL, 0.10, CaseFamilies::linear),
                new Family("weekly rotation, working days", GeneratedCase.Kind.FILL, 0.10, CaseFamilies::weeklyRotation),
                new Family("accelerating", GeneratedCase.Kind.FILL, 0.15, CaseFamilies::accelerating),
                new Family("staircase (batch keeps)", GeneratedCase.Kind.FILL, 0.10, CaseFamilies::staircase),
                new Family("drifting rate, AR(1)", GeneratedCase.Kind.FILL, 0.15, CaseFamilies::drifting),
                new Family("resize mid-history", GeneratedCase.Kind.FILL, 0.10, CaseFamilies::resize),
                new Family("fresh climb after restart", GeneratedCase.Kind.FILL, 0.10, CaseFamilies::freshClimb),
                new Family("nightly burst", GeneratedCase.Kind.QUIET, Double.NaN, CaseFamilies::nightlyBurst),
                new Family("daily rotation", GeneratedCase.Kind.QUIET, Double.NaN, CaseFamilies::dailyRotation),
                new Family("flat, daily cycle (memory)", GeneratedCase.Kind.QUIET, Double.NaN, CaseFamilies::flatDaily),
                new Family("slow growth, clear for a year", GeneratedCase.Kind.QUIET, Double.NaN, CaseFamilies::slowGrowth));
    }

    // ---- fill families -------------------------------------------------------------------------

    private static GeneratedCase linear(Draw d) {
        SplittableRandom r = d.r();
        Disk disk = Disk.draw(r);
        int c = crossIndex(r);
        double perDay = disk.start / (c / (double) PER_DAY);
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            v[i] = disk.start - disk.start * i / c;
        }
        Wobble w = Wobble.fill(r, perDay, 0, 0.97);
        return finishDisk(d, disk, v, w, T0, "slope " + gb(perDay) + "/d, " + w);
    }

    private static GeneratedCase weeklyRotation(Draw d) {
        SplittableRandom r = d.r();
        Disk disk = Disk.draw(r);
        int c = crossIndex(r);
        double startHour = uniform(r, 6, 10);
        double hours = uniform(r, 7, 10);
        double rotationHour = uniform(r, 0, 6);
        double freed = uniform(r, 0.5, 0.9);
        double[] shape = new double[N];
        double kept = 0;
        double week = 0;
        int rotationSample = (int) Math.floor(rotationHour * PER_HOUR);
        for (int i = 0; i < N; i++) {
            if (Shapes.dayOfWeek(i) == 6 && i % PER_DAY == rotationSample) {
                kept += week * (1 - freed); // the weekly rotation deletes most of what the week wrote
                week = 0;
            }
            if (Shapes.working(i, startHour, hours)) {
                week += 1;
            }
            shape[i] = kept + week;
        }
        double k = disk.start / Shapes.maxUpTo(shape, c);
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            v[i] = disk.start - k * shape[i];
        }
        double weekWritten = k * hours * PER_HOUR * 5;
        Wobble w = new Wobble(weekWritten * logUniform(r, 0.003, 0.05), uniform(r, 0, 0.97), 0, 0, 0, 0);
        return finishDisk(d, disk, v, w, T0, String.format(Locale.ROOT,
                "writes %s/week %02.0f:00+%.1fh Mon-Fri, Sunday %02.0f:00 rotation frees %.0f%%, %s",
                gb(weekWritten), startHour, hours, rotationHour, 100 * freed, w));
    }

    private static GeneratedCase accelerating(Draw d) {
        SplittableRandom r = d.r();
        Disk disk = Disk.draw(r);
        int c = crossIndex(r);
        double ratio = uniform(r, 1.5, 6); // rate at the crossing / rate at the start
        double alpha = (ratio - 1) / (2.0 * c);
        double k = disk.start / (c + alpha * c * (double) c);
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            v[i] = disk.start - k * (i + alpha * i * (double) i);
        }
        double perDay = disk.start / (c / (double) PER_DAY);
        Wobble w = Wobble.fill(r, perDay, 0, 0.97);
        return finishDisk(d, disk, v, w, T0, String.format(Locale.ROOT, "start rate %s/d, x%.1f by the crossing, %s",
                gb(k * PER_DAY), ratio, w));
    }

    private static GeneratedCase staircase(Draw d) {
        SplittableRandom r = d.r();
        Disk disk = Disk.draw(r);
        int c = crossIndex(r);
        double spacingDays = uniform(r, 2, 10);
        double stepHour = uniform(r, 0, 24);
        double rampHours = uniform(r, 0.5, 4);
        double background = uniform(r, 0, 0.15);
        double[] steps = new double[N];
        int ramp = Math.max(1, (int) Math.round(rampHours * PER_HOUR));
        double firstDay = Math.floor(uniform(r, 0, spacingDays)) + stepHour / 24;
        for (double day = firstDay; day * PER_DAY < N; day += spacingDays) {
            int s0 = (int) Math.round((day + uniform(r, -1, 1) / 24) * PER_DAY);
            double size = uniform(r, 0.7, 1.3);
            for (int j = 0; j < ramp && s0 + j < N; j++) {
                if (s0 + j >= 0) {
                    steps[s0 + j] += size / ramp;
                }
            }
        }
        double perStepSample = 1.0 / (spacingDays * PER_DAY);
        for (int i = 0; i < N; i++) {
            steps[i] += background * perStepSample;
        }
        double[] shape = Shapes.cumulative(steps);
        // Scaled so that the steps' mean rate (not the staircase itself) reaches the threshold at c: the
        // staircase's own level at c is then anywhere within a step of it, as a disk's free space is.
        // Scaled to the staircase at c instead, the step before c would always leave no more than the
        // background's sliver, and every case would turn on whether that sliver is 1 % or 3 % of a step.
        double k = disk.start / ((1 + background) * perStepSample * c);
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            v[i] = disk.start - k * shape[i];
        }
        Wobble w = new Wobble(k * logUniform(r, 0.005, 0.1), uniform(r, 0, 0.97),
                r.nextDouble() < 0.5 ? k * uniform(r, 0, 0.1) : 0, uniform(r, 0, 24), 0, 0);
        return finishDisk(d, disk, v, w, T0, String.format(Locale.ROOT,
                "steps of ~%s every %.1fd at %02.0f:00 over %.1fh, background %.0f%%, %s",
                gb(k), spacingDays, stepHour, rampHours, 100 * background, w));
    }

    private static GeneratedCase drifting(Draw d) {
        SplittableRandom r = d.r();
        Disk disk = Disk.draw(r);
        int c = crossIndex(r);
        // The log of the daily rate wanders by 5-20 % a day and reverts over 2-10 days: the rate of
        // a month ahead stays knowable to a few percent, that of tomorrow does not.
        double theta = uniform(r, 2, 10);
        double sigma = uniform(r, 0.05, 0.2);
        int days = N / PER_DAY + 2;
        double[] x = new double[days];
        x[0] = sigma * Math.sqrt(theta / 2) * Shapes.gaussian(r);
        for (int j = 1; j < days; j++) {
            x[j] = (1 - 1 / theta) * x[j - 1] + sigma * Shapes.gaussian(r);
        }
        double[] rate = new double[N];
        for (int i = 0; i < N; i++) {
            int j = i / PER_DAY;
            double f = (i % PER_DAY) / (double) PER_DAY;
            rate[i] = Math.exp((1 - f) * x[j] + f * x[j + 1]);
        }
        double[] shape = Shapes.cumulative(rate);
        double k = disk.start / shape[c];
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            v[i] = disk.start - k * shape[i];
        }
        double perDay = disk.start / (c / (double) PER_DAY);
        Wobble w = Wobble.fill(r, perDay, 0.95, 0.995);
        return finishDisk(d, disk, v, w, T0, String.format(Locale.ROOT,
                "mean %s/d, log-rate drifts %.2f/sqrt(d) reverting over %.0fd, %s", gb(perDay), sigma, theta, w));
    }

    private static GeneratedCase resize(Draw d) {
        SplittableRandom r = d.r();
        double cap0 = logUniform(r, 50e9, 2e12);
        int c = crossIndex(r);
        int resizeAt = Math.max((int) (10 * PER_DAY), c - (int) Math.round(uniform(r, 15, 50) * PER_DAY));
        double start = cap0 * uniform(r, 0.3, 0.9);
        double daysLeftAtResize = uniform(r, 4, 12);
        double perDay = start / (resizeAt / (double) PER_DAY + daysLeftAtResize);
        double added = perDay * ((c - resizeAt) / (double) PER_DAY - daysLeftAtResize);
        double cap1 = cap0 + added;
        double[] v = new double[N];
        double[] size = new double[N];
        for (int i = 0; i < N; i++) {
            v[i] = start - perDay * i / PER_DAY + (i >= resizeAt ? added : 0);
            size[i] = i >= resizeAt ? cap1 : cap0;
        }
        Wobble w = Wobble.fill(r, perDay, 0, 0.97);
        w = new Wobble(Math.min(w.sd(), 0.5 * perDay), w.phi(), Math.min(w.dailyAmp(), perDay), w.dailyPeak(), w.weeklyAmp() / 2, w.weeklyPeak());
        long onset = T0 + resizeAt * STEP;
        return finish(d, disk("fs.avail_bytes", d), v, size, w, 0, onset, String.format(Locale.ROOT,
                "%s/d; %s grown to %s on day %.1f with %.1fd left, %s", gb(perDay), gb(cap0), gb(cap1),
                resizeAt / (double) PER_DAY, daysLeftAtResize, w));
    }

    private static GeneratedCase freshClimb(Draw d) {
        SplittableRandom r = d.r();
        double total = Math.pow(2, 3 + r.nextInt(5)) * GIB;
        int c = crossIndex(r);
        double climbDays = uniform(r, 4, 30);
        int restartAt = c - (int) Math.round(climbDays * PER_DAY);
        double before = total * uniform(r, 0.25, 0.5);
        double after = total * uniform(r, 0.6, 0.85);
        double threshold = MEM_THRESHOLD_SHARE * total;
        double perDay = (after - threshold) / climbDays;
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            v[i] = i < restartAt ? before : after - perDay * (i - restartAt) / PER_DAY;
        }
        Wobble w = new Wobble(total * logUniform(r, 0.002, 0.01), uniform(r, 0, 0.97), total * uniform(r, 0.01, 0.06),
                uniform(r, 0, 24), 0, 0);
        double[] size = constant(total);
        return finish(d, memory(d), v, size, w, threshold, T0 + restartAt * STEP, String.format(Locale.ROOT,
                "%.0f GiB; flat at %.0f%% available, restart frees to %.0f%% on day %.1f, then -%.1f points/d, %s",
                total / GIB, 100 * before / total, 100 * after / total, restartAt / (double) PER_DAY, 100 * perDay / total, w));
    }

    // ---- quiet families ------------------------------------------------------------------------

    private static GeneratedCase nightlyBurst(Draw d) {
        SplittableRandom r = d.r();
        double cap = logUniform(r, 50e9, 4e12);
        double level = cap * uniform(r, 0.2, 0.6);
        double burst = level * uniform(r, 0.3, 0.8);
        double startHour = uniform(r, 0, 4);
        double writeHours = uniform(r, 0.5, 3);
        double holdHours = uniform(r, 0.5, 3);
        double deleteHours = uniform(r, 1 / 6.0, 0.5);
        double drift = r.nextDouble() < 0.5 ? (level - burst) / uniform(r, 700, 2000) : 0;
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            double h = Shapes.hourOfDay(i) - startHour;
            h = h < 0 ? h + 24 : h;
            double spool = h < writeHours ? h / writeHours
                    : h < writeHours + holdHours ? 1
                    : h < writeHours + holdHours + deleteHours ? 1 - (h - writeHours - holdHours) / deleteHours : 0;
            v[i] = level - drift * i / PER_DAY - burst * spool;
        }
        Wobble w = new Wobble(cap * logUniform(r, 0.0005, 0.005), uniform(r, 0, 0.97), 0, 0, 0, 0);
        return finishQuiet(d, disk("fs.avail_bytes", d), v, constant(cap), w, 0, String.format(Locale.ROOT,
                "%s disk, %s free, nightly spool of %s from %02.0f:00 (%.1fh write, %.1fh hold), drift %s/d, %s",
                gb(cap), gb(level), gb(burst), startHour, writeHours, holdHours, gb(drift), w));
    }

    private static GeneratedCase dailyRotation(Draw d) {
        SplittableRandom r = d.r();
        double cap = logUniform(r, 50e9, 4e12);
        double level = cap * uniform(r, 0.2, 0.6);
        double written = level * uniform(r, 0.3, 0.85);
        double startHour = uniform(r, 6, 10);
        double hours = uniform(r, 4, 12);
        double rotationHour = uniform(r, 0, 2);
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            double h = Shapes.hourOfDay(i);
            double logs = h < rotationHour ? 1 : h < startHour ? 0 : Math.min(1, (h - startHour) / hours);
            v[i] = level - written * logs;
        }
        Wobble w = new Wobble(cap * logUniform(r, 0.0005, 0.005), uniform(r, 0, 0.97), 0, 0, 0, 0);
        return finishQuiet(d, disk("fs.avail_bytes", d), v, constant(cap), w, 0, String.format(Locale.ROOT,
                "%s disk, %s free, %s of logs a day from %02.0f:00 over %.1fh, rotated at %02.0f:%02.0f, %s",
                gb(cap), gb(level), gb(written), startHour, hours, Math.floor(rotationHour), 60 * (rotationHour % 1), w));
    }

    private static GeneratedCase flatDaily(Draw d) {
        SplittableRandom r = d.r();
        double total = Math.pow(2, 3 + r.nextInt(5)) * GIB;
        double level = total * uniform(r, 0.3, 0.6);
        double[] v = new double[N];
        java.util.Arrays.fill(v, level);
        Wobble w = new Wobble(total * logUniform(r, 0.002, 0.01), uniform(r, 0, 0.97), total * uniform(r, 0.02, 0.1),
                uniform(r, 0, 24), total * uniform(r, 0, 0.05), uniform(r, 0, 7));
        return finishQuiet(d, memory(d), v, constant(total), w, MEM_THRESHOLD_SHARE * total, String.format(Locale.ROOT,
                "%.0f GiB, %.0f%% available, %s", total / GIB, 100 * level / total, w));
    }

    private static GeneratedCase slowGrowth(Draw d) {
        SplittableRandom r = d.r();
        Disk disk = Disk.draw(r);
        // The noise-free path reaches 0 between 1.3 and 3 years after the nominal end (56–88 days in).
        double days = uniform(r, 56, 88) + uniform(r, 1.3, 3) * 365;
        double perDay = disk.start / days;
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            v[i] = disk.start - perDay * i / PER_DAY;
        }
        Wobble w = Wobble.fill(r, perDay, 0, 0.97);
        return finishQuiet(d, disk("fs.avail_bytes", d), v, constant(disk.capacity), w, 0, String.format(Locale.ROOT,
                "%s disk, %s free, %s/d (0 after %.0f days), %s", gb(disk.capacity), gb(disk.start), gb(perDay), days, w));
    }

    // ---- common parts --------------------------------------------------------------------------

    /** A disk's size and its free space at the start. */
    private record Disk(double capacity, double start) {
        static Disk draw(SplittableRandom r) {
            double cap = logUniform(r, 50e9, 4e12);
            return new Disk(cap, cap * uniform(r, 0.3, 0.9));
        }
    }

    /**
     * What is added to a noise-free path: AR(1) noise of marginal sd {@code sd} (bytes) and 5-minute
     * correlation {@code phi}, a daily and a weekly cycle.
     */
    record Wobble(double sd, double phi, double dailyAmp, double dailyPeak, double weeklyAmp, double weeklyPeak) {

        /** The usual draw for a fill consuming {@code perDay} a day: noise up to a day's consumption, cycles up to 1.5 and 2 days'. */
        static Wobble fill(SplittableRandom r, double perDay, double phiLo, double phiHi) {
            return new Wobble(perDay * logUniform(r, 0.03, 1.0), uniform(r, phiLo, phiHi),
                    r.nextDouble() < 0.7 ? perDay * uniform(r, 0, 1.5) : 0, uniform(r, 0, 24),
                    r.nextDouble() < 0.5 ? perDay * uniform(r, 0, 2) : 0, uniform(r, 0, 7));
        }

        double[] sample(SplittableRandom r) {
            double[] e = Shapes.ar1(r, N, sd, phi);
            for (int i = 0; i < N; i++) {
                e[i] += Shapes.daily(i, dailyAmp, dailyPeak) + Shapes.weekly(i, weeklyAmp, weeklyPeak);
            }
            return e;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "noise sd %s phi %.3f, daily %s peak %04.1fh, weekly %s", gb(sd), phi,
                    gb(dailyAmp), dailyPeak, gb(weeklyAmp));
        }
    }

    /** The crossing index of a fill's noise-free path: 56–88 days after T0. */
    private static int crossIndex(SplittableRandom r) {
        return (int) Math.round(uniform(r, 56, 88) * PER_DAY);
    }

    private static GeneratedCase finishDisk(Draw d, Disk disk, double[] v, Wobble w, long onset, String params) {
        return finish(d, disk("fs.avail_bytes", d), v, constant(disk.capacity), w, 0, onset, params);
    }

    private static SeriesKey disk(String metric, Draw d) {
        return SeriesKey.of(metric, "mount", "/bench/" + slug(d.family()) + "/" + d.index());
    }

    private static SeriesKey memory(Draw d) {
        return SeriesKey.of("mem.available_bytes", "host", "bench-" + slug(d.family()) + "-" + d.index());
    }

    private static String slug(String family) {
        return family.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-+$", "");
    }

    private static double[] constant(double x) {
        double[] a = new double[N];
        java.util.Arrays.fill(a, x);
        return a;
    }

    private static long[] times() {
        long[] t = new long[N];
        for (int i = 0; i < N; i++) {
            t[i] = T0 + i * STEP;
        }
        return t;
    }

    /** Adds the wobble, keeps the value within [0, size], finds the truth, places the origins. */
    private static GeneratedCase finish(Draw d, SeriesKey key, double[] v, double[] size, Wobble w, double threshold, long onset,
                                        String params) {
        double[] e = w.sample(d.r());
        for (int i = 0; i < N; i++) {
            v[i] = Math.max(0, Math.min(size[i], v[i] + e[i])); // free space is never negative nor above the size
        }
        long[] t = times();
        Series s = new Series(key, t, v);
        Series sz = new Series(key.withName(key.name().startsWith("mem.") ? "mem.total_bytes" : "fs.size_bytes"), t, size);
        Long truth = FirstTouch.after(s, threshold, Direction.DOWN, Long.MIN_VALUE);
        if (truth == null) {
            throw new IllegalStateException("fill never touches its threshold");
        }
        if (truth < Math.max(onset, T0 + WARM_UP_MILLIS) + GeneratedCase.ONSET_GRACE_MILLIS + Origins.LAST_BEFORE_MILLIS) {
            throw new IllegalStateException("fill touches before its first origin could be scored");
        }
        long[] origins = Origins.before(truth, T0 + WARM_UP_MILLIS, d.r().nextDouble());
        return new GeneratedCase(d.family(), d.kind(), d.index(), s, sz, threshold, Direction.DOWN, onset, truth,
                t[N - 1], origins, params);
    }

    private static GeneratedCase finishQuiet(Draw d, SeriesKey key, double[] v, double[] size, Wobble w, double threshold, String params) {
        double[] e = w.sample(d.r());
        for (int i = 0; i < N; i++) {
            v[i] = Math.max(0, Math.min(size[i], v[i] + e[i]));
        }
        long[] t = times();
        Series s = new Series(key, t, v);
        Series sz = new Series(key.withName(key.name().startsWith("mem.") ? "mem.total_bytes" : "fs.size_bytes"), t, size);
        if (FirstTouch.after(s, threshold, Direction.DOWN, Long.MIN_VALUE) != null) {
            throw new IllegalStateException("quiet case touches its threshold");
        }
        long end = T0 + Math.round(uniform(d.r(), 56, 88) * DAY);
        long[] origins = Origins.before(end, T0 + WARM_UP_MILLIS, d.r().nextDouble());
        return new GeneratedCase(d.family(), d.kind(), d.index(), s, sz, threshold, Direction.DOWN, T0, null, t[N - 1],
                origins, params);
    }

    static String gb(double bytes) {
        double a = Math.abs(bytes);
        return a >= 1e12 ? String.format(Locale.ROOT, "%.2f TB", bytes / 1e12)
                : a >= 1e9 ? String.format(Locale.ROOT, "%.1f GB", bytes / 1e9)
                : String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
    }
}
