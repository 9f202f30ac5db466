package dev.forewarn.forecast.bench;

import dev.forewarn.forecast.ForecastEngine;
import dev.forewarn.forecast.Forecaster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * The accuracy benchmark of issue 11 ({@code scripts/bench-accuracy}): every family of
 * {@link CaseFamilies} drawn {@code --draws} times ({@link #DEFAULT_DRAWS} unless given), replayed at its origins through the public
 * {@link Forecaster} API beside node-mixin's rule and a 7-day {@code predict_linear}
 * ({@link Baselines}), scored by {@link Scoreboard}, with the targets marked ({@link Targets});
 * then the real series of the data directory ({@link RealData}).
 *
 * <p>Usage: {@code AccuracyBench [DATA_DIR] [--draws N] [--seed S] [--threads T]
 * [--calibration-draws K] [--family TEXT]... [--no-real] [--cases] [--strict]}; {@code --family}
 * keeps the families whose name contains the text, {@code --cases} adds a line per case (its parameters, truth, coverage, error and lead). Exit code 0 unless it
 * crashed or its arguments are wrong (2); with {@code --strict}, 1 when a target is missed.
 */
public final class AccuracyBench {

    /**
     * Draws a family by default. A bucket beyond 14 days rests on one future a draw, so at 20 draws
     * its coverage moves about ±9 points at 1 sd (resize > 14 d: 67.7 % on draws 1-20, about 82 % on
     * draws 21-60); at 60, about ±5. About twelve minutes on two threads with the real data.
     */
    static final int DEFAULT_DRAWS = 60;

    /**
     * What to run.
     *
     * @param draws            draws per family
     * @param seed             the generator's seed
     * @param threads          worker threads
     * @param calibrationDraws the first this many draws of each family are also asked at 50 % and 95 %
     * @param families         family names to run (empty: all)
     */
    record Options(int draws, long seed, int threads, int calibrationDraws, List<String> families) {
    }

    private AccuracyBench() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        Path data = null;
        int draws = DEFAULT_DRAWS;
        long seed = 1;
        int threads = Runtime.getRuntime().availableProcessors();
        int calibration = 5;
        boolean strict = false;
        boolean real = true;
        boolean perCase = false;
        List<String> families = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--draws" -> draws = Integer.parseInt(args[++i]);
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    case "--threads" -> threads = Integer.parseInt(args[++i]);
                    case "--calibration-draws" -> calibration = Integer.parseInt(args[++i]);
                    case "--family" -> families.add(args[++i]);
                    case "--strict" -> strict = true;
                    case "--no-real" -> real = false;
                    case "--cases" -> perCase = true;
                    default -> {
                        if (args[i].startsWith("--") || data != null) {
                            throw new IllegalArgumentException("unknown argument " + args[i]);
                        }
                        data = Path.of(args[i]);
                    }
                }
            }
            for (String f : families) {
                if (CaseFamilies.all().stream().noneMatch(x -> matches(x, List.of(f)))) {
                    throw new IllegalArgumentException("no family matches " + f + "; the families: "
                            + CaseFamilies.all().stream().map(CaseFamilies.Family::name).collect(Collectors.joining("; ")));
                }
            }
            if (draws < 1 || threads < 1 || calibration < 0) {
                throw new IllegalArgumentException("--draws and --threads must be at least 1, --calibration-draws at least 0");
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            System.err.println("error: " + (e instanceof ArrayIndexOutOfBoundsException ? "an option lacks its value" : e.getMessage()));
            System.err.println("usage: AccuracyBench [DATA_DIR] [--draws N] [--seed S] [--threads T] [--calibration-draws K] "
                    + "[--family TEXT]... [--no-real] [--cases] [--strict]");
            System.exit(2);
            return;
        }
        long start = System.nanoTime();
        Options o = new Options(draws, seed, threads, calibration, families);
        System.out.printf("forewarn accuracy benchmark: seed %d, %d draws a family, 80 %% intervals (50 %% and 95 %% on the first %d draws),"
                + " horizon %d d, %d threads%n", seed, draws, calibration, Replay.HORIZON_MILLIS / Scoreboard.DAY, threads);
        System.out.println("truth = first sample at or beyond the threshold; origins every 17 h from 45 d to 12 h before it;"
                + " warning = eta within 14 d (as the fs-space rule judges eta);");
        System.out.println("origins before a case's onset (a resize, a restart: drawn like the rest) plus 6 h are not scored:"
                + " the data then foretold another future.");
        Map<CaseFamilies.Family, List<Replay.Result>> byFamily = runFamilies(o);
        Targets targets = new Targets();
        printFamilies(byFamily, targets);
        printPit(byFamily, Math.min(calibration, draws));
        if (perCase) {
            printCases(byFamily);
        }
        int projections = byFamily.values().stream().flatMap(List::stream)
                .mapToInt(r -> r.origins().length * (r.draw() < o.calibrationDraws() ? 3 : 1)).sum();
        if (real) {
            if (data == null) {
                System.out.println();
                System.out.println("real data: no data directory given; skipped");
            } else {
                projections += printReal(data, threads);
            }
        }
        System.out.println();
        System.out.printf("targets: %d of %d met%n", targets.checked() - targets.missed().size(), targets.checked());
        for (String m : targets.missed()) {
            System.out.println("  missed: " + m);
        }
        double cpu = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        System.out.printf("elapsed: %.1f s wall, %.1f s CPU (this process) on %d threads, %d forewarn projections; load average %.1f%n",
                (System.nanoTime() - start) / 1e9, cpu, threads, projections,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (strict && !targets.missed().isEmpty()) {
            System.exit(1);
        }
    }

    /**
     * The headline figures of every family at {@code draws} draws under {@code seed}, asked at 80 %
     * only: what the fast test in the suite asserts on.
     */
    public static List<FamilyScore> score(long seed, int draws, int threads) throws Exception {
        List<FamilyScore> out = new ArrayList<>();
        for (Map.Entry<CaseFamilies.Family, List<Replay.Result>> e
                : runFamilies(new Options(draws, seed, threads, 0, List.of())).entrySet()) {
            Scoreboard.Cell c = Scoreboard.cell(e.getValue(), null);
            out.add(new FamilyScore(e.getKey().name(), e.getKey().kind(), c.origins(), c.coverage(), c.faFw()));
        }
        return out;
    }

    /** True when the family's name contains one of the texts (case-insensitive). */
    static boolean matches(CaseFamilies.Family f, List<String> texts) {
        String name = f.name().toLowerCase(Locale.ROOT);
        return texts.stream().anyMatch(t -> name.contains(t.toLowerCase(Locale.ROOT)));
    }

    /** Draws and replays every selected family, in parallel; results in family and draw order. */
    static Map<CaseFamilies.Family, List<Replay.Result>> runFamilies(Options o) throws Exception {
        List<CaseFamilies.Family> fams = CaseFamilies.all().stream()
                .filter(f -> o.families().isEmpty() || matches(f, o.families())).toList();
        ExecutorService pool = Executors.newFixedThreadPool(o.threads());
        try {
            Map<CaseFamilies.Family, List<Future<Replay.Result>>> futures = new LinkedHashMap<>();
            for (CaseFamilies.Family f : fams) {
                List<Future<Replay.Result>> l = new ArrayList<>();
                for (int i = 0; i < o.draws(); i++) {
                    final int draw = i;
                    // A fresh engine per case: a result cannot depend on which cases a thread ran before.
                    l.add(pool.submit(() -> Replay.run(f.draw(o.seed(), draw), new ForecastEngine(), draw < o.calibrationDraws())));
                }
                futures.put(f, l);
            }
            Map<CaseFamilies.Family, List<Replay.Result>> out = new LinkedHashMap<>();
            for (Map.Entry<CaseFamilies.Family, List<Future<Replay.Result>>> e : futures.entrySet()) {
                List<Replay.Result> l = new ArrayList<>();
                for (Future<Replay.Result> fu : e.getValue()) {
                    l.add(fu.get());
                }
                out.put(e.getKey(), l);
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static final String CELL_HEAD = "%-30s %-6s %7s %6s | %-13s %-11s %5s | %7s %7s %7s | %5s %5s %5s%n";
    private static final String CELL_ROW = "%-30s %-6s %7d %6s | %6s %-6s %-11s %5s | %7s %7s %7s | %5d %5d %5d%n";

    private static void printFamilies(Map<CaseFamilies.Family, List<Replay.Result>> byFamily, Targets t) {
        System.out.println();
        System.out.println("Per family and horizon bucket (truth - origin). fw = forewarn, nm = node-mixin NodeFilesystemSpaceFillingUp"
                + " (6h line, 24h ahead, for 1h), pl7 = predict_linear over 7 d with a 14 d horizon.");
        System.out.println("err = median |ETA - truth| / (truth - origin), no date = inf; cov80 target 70-90 % (quiet: >= 70 %,"
                + " no date covers a truth beyond the horizon); e/l = dated misses whose truth came early/late; FA = warnings where the truth is not within 14 d (origins).");
        System.out.println("cases 90% = a 90 % interval of cov80 with the cases resampled: a case's origins share one truth, so the"
                + " figure is known to a few points, not to its origins' count.");
        System.out.printf(CELL_HEAD, "family", "bucket", "origins", "dated", "cov80 fw", "cases 90%", "e/l", "err fw", "err nm", "err pl7", "FA fw", "nm", "pl7");
        for (Map.Entry<CaseFamilies.Family, List<Replay.Result>> e : byFamily.entrySet()) {
            for (Scoreboard.Bucket b : Scoreboard.Bucket.values()) {
                Scoreboard.Cell c = Scoreboard.cell(e.getValue(), b);
                if (c.origins() == 0 && c.faFw() + c.faNm() + c.faPl() == 0) {
                    continue;
                }
                row(e.getKey().name(), b.label, c, t.coverage(e.getKey().name() + " " + b.label, c.coverage(),
                        e.getKey().kind() == GeneratedCase.Kind.FILL));
            }
        }
        System.out.println();
        System.out.println("Per family: lead = median over draws of how long before the truth the 14 d warning held at every later"
                + " origin (possible = truth - first scored origin); cov50/cov95 on the calibration draws.");
        System.out.printf("%-30s %5s | %-12s %7s %7s %8s | %-13s %7s %7s | %-9s %5s %5s | %6s %6s%n", "family", "cases", "lead fw",
                "nm", "pl7", "possible", "err fw", "nm", "pl7", "FA fw", "nm", "pl7", "cov50", "cov95");
        for (Map.Entry<CaseFamilies.Family, List<Replay.Result>> e : byFamily.entrySet()) {
            CaseFamilies.Family f = e.getKey();
            List<Replay.Result> rs = e.getValue();
            Scoreboard.Cell all = Scoreboard.cell(rs, null);
            boolean fill = f.kind() == GeneratedCase.Kind.FILL;
            double lead = fill ? Scoreboard.medianLeadDays(rs, r -> Scoreboard.lead(r, Scoreboard.FW_WARNS)) : Double.NaN;
            double leadNm = fill ? Scoreboard.medianLeadDays(rs, r -> Scoreboard.lead(r, Scoreboard.NM_WARNS)) : Double.NaN;
            double leadPl = fill ? Scoreboard.medianLeadDays(rs, r -> Scoreboard.lead(r, Scoreboard.PL_WARNS)) : Double.NaN;
            double possible = fill ? Scoreboard.medianLeadDays(rs, Scoreboard::possibleLead) : Double.NaN;
            String leadMark = fill ? t.lead(f.name(), lead) : "";
            String errMark = fill ? t.error(f.name(), all.errFw(), f.maxMedianError()) : "";
            String faMark = fill ? "" : t.falseAlarms(f.name(), all.faFw());
            System.out.printf("%-30s %5d | %6s %-5s %7s %7s %8s | %6s %-6s %7s %7s | %4d %-4s %5d %5d | %6s %6s%n", f.name(), rs.size(),
                    days(lead), leadMark, days(leadNm), days(leadPl), days(possible),
                    Targets.pct(all.errFw()), errMark.isEmpty() ? "" : errMark + (f.maxMedianError() > 0.1 ? "15" : "10"),
                    Targets.pct(all.errNm()), Targets.pct(all.errPl()),
                    all.faFw(), faMark, all.faNm(), all.faPl(),
                    Targets.pct(Scoreboard.coverageAt(rs, Replay.Origin::fw50)), Targets.pct(Scoreboard.coverageAt(rs, Replay.Origin::fw95)));
        }
    }

    private static void printPit(Map<CaseFamilies.Family, List<Replay.Result>> byFamily, int calibrationDraws) {
        if (calibrationDraws == 0) {
            return;
        }
        System.out.println();
        System.out.println("Calibration on the first " + calibrationDraws + " draws of each fill family: where the truth fell among the"
                + " quantiles 2.5/10/25/50/75/90/97.5 % (from the 50, 80 and 95 % intervals; eta = 50 %).");
        System.out.printf("%-30s %7s %7s %7s %7s %7s %7s %7s %7s | %7s%n", "family", "<2.5", "2.5-10", "10-25", "25-50", "50-75",
                "75-90", "90-97.5", ">97.5", "no date");
        double[] e = Scoreboard.PIT_EXPECTED;
        System.out.printf("%-30s %7s %7s %7s %7s %7s %7s %7s %7s | %7s%n", "(calibrated)", Targets.pct(e[0]), Targets.pct(e[1]),
                Targets.pct(e[2]), Targets.pct(e[3]), Targets.pct(e[4]), Targets.pct(e[5]), Targets.pct(e[6]), Targets.pct(e[7]), "0.0%");
        for (Map.Entry<CaseFamilies.Family, List<Replay.Result>> en : byFamily.entrySet()) {
            double[] p = en.getKey().kind() == GeneratedCase.Kind.FILL ? Scoreboard.pit(en.getValue()) : null;
            if (p != null) {
                System.out.printf("%-30s %7s %7s %7s %7s %7s %7s %7s %7s | %7s%n", en.getKey().name(), Targets.pct(p[0]), Targets.pct(p[1]),
                        Targets.pct(p[2]), Targets.pct(p[3]), Targets.pct(p[4]), Targets.pct(p[5]), Targets.pct(p[6]), Targets.pct(p[7]),
                        Targets.pct(p[8]));
            }
        }
    }

    private static void printCases(Map<CaseFamilies.Family, List<Replay.Result>> byFamily) {
        System.out.println();
        System.out.println("Per case: truth, scored origins, 80 % coverage, median error, lead (forewarn), drawn parameters.");
        for (List<Replay.Result> rs : byFamily.values()) {
            for (Replay.Result r : rs) {
                Scoreboard.Cell c = Scoreboard.cell(List.of(r), null);
                Long lead = Scoreboard.lead(r, Scoreboard.FW_WARNS);
                System.out.printf("  %s #%d: truth %s, %d origins, cov80 %s, err %s, lead %s, FA %d | %s%n", r.family(), r.draw(),
                        r.truth() == null ? "none" : java.time.Instant.ofEpochMilli(r.truth()), c.origins(), Targets.pct(c.coverage()),
                        Targets.pct(c.errFw()), daysOf(lead), c.faFw(), r.parameters());
            }
        }
    }

    private static void row(String name, String bucket, Scoreboard.Cell c, String mark) {
        System.out.printf(CELL_ROW, name, bucket, c.origins(), c.origins() == 0 ? "-" : Targets.pct((double) c.answered() / c.origins()),
                Targets.pct(c.coverage()), mark, caseRange(c), c.early() + "/" + c.late(), Targets.pct(c.errFw()), Targets.pct(c.errNm()), Targets.pct(c.errPl()),
                c.faFw(), c.faNm(), c.faPl());
    }

    /** The coverage's 90 % interval over cases, in whole per cent: {@code 86-96}. */
    private static String caseRange(Scoreboard.Cell c) {
        return Double.isNaN(c.coverageLow()) ? "-"
                : String.format(Locale.ROOT, "%.0f-%.0f", 100 * c.coverageLow(), 100 * c.coverageHigh());
    }

    /** Replays the real series and prints their table and what they can and cannot show; returns the projections made. */
    private static int printReal(Path data, int threads) throws Exception {
        System.out.println();
        System.out.println("Real data (" + data + "), read in place. Same columns; no targets (the data sets are small and"
                + " were not drawn for them).");
        if (!Files.isDirectory(data)) {
            System.out.println("  no such directory: no real data replayed");
            return 0;
        }
        List<GeneratedCase> cases = RealData.all(data);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Replay.Result> results = new ArrayList<>();
        try {
            List<Future<Replay.Result>> fs = new ArrayList<>();
            for (GeneratedCase c : cases) {
                fs.add(pool.submit(() -> Replay.run(c, new ForecastEngine(), false)));
            }
            for (Future<Replay.Result> f : fs) {
                results.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, List<Replay.Result>> groups = results.stream()
                .collect(Collectors.groupingBy(Replay.Result::family, LinkedHashMap::new, Collectors.toList()));
        System.out.printf(CELL_HEAD, "data set", "bucket", "origins", "dated", "cov80 fw", "cases 90%", "e/l", "err fw", "err nm", "err pl7", "FA fw", "nm", "pl7");
        for (Map.Entry<String, List<Replay.Result>> e : groups.entrySet()) {
            for (Scoreboard.Bucket b : Scoreboard.Bucket.values()) {
                Scoreboard.Cell c = Scoreboard.cell(e.getValue(), b);
                if (c.origins() > 0 || c.faFw() + c.faNm() + c.faPl() > 0) {
                    row(e.getKey() + " (" + e.getValue().size() + ")", b.label, c, "");
                }
            }
        }
        for (Map.Entry<String, List<Replay.Result>> e : groups.entrySet()) {
            List<Replay.Result> rs = e.getValue();
            int origins = rs.stream().mapToInt(r -> r.origins().length).sum();
            long dated = rs.stream().flatMap(r -> java.util.Arrays.stream(r.origins())).filter(x -> x.fw().eta() != null).count();
            Map<String, List<String>> reasons = rs.stream().flatMap(r -> java.util.Arrays.stream(r.origins()))
                    .filter(x -> x.fw().eta() == null && x.fw().reason() != null).map(x -> x.fw().reason())
                    .collect(Collectors.groupingBy(x -> x.replaceAll("[0-9][0-9.]*", "#"), LinkedHashMap::new, Collectors.toList()));
            String top = reasons.values().stream().max(java.util.Comparator.comparingInt(List::size))
                    .map(x -> "\"" + x.get(0) + "\" (" + x.size() + " origins like it)").orElse("-");
            System.out.printf("  %s: %d series, %d origins, forewarn gave a date at %d%s%n", e.getKey(), rs.size(), origins, dated,
                    dated == 0 ? " — this data set can give no date; the engine's commonest reason: " + top : "");
            if (e.getKey().equals(RealData.NAB_CROSSED) || e.getKey().equals(RealData.NERSC_FS)) {
                for (Replay.Result r : rs) {
                    if (r.truth() != null) {
                        Long lead = Scoreboard.lead(r, Scoreboard.FW_WARNS);
                        System.out.printf("    %s; lead fw %s nm %s pl7 %s%n", r.parameters(), days(lead == null ? Double.NaN : lead / 86_400_000.0),
                                daysOf(Scoreboard.lead(r, Scoreboard.NM_WARNS)), daysOf(Scoreboard.lead(r, Scoreboard.PL_WARNS)));
                    }
                }
            }
        }
        return results.stream().mapToInt(r -> r.origins().length).sum();
    }

    private static String daysOf(Long millis) {
        return millis == null ? "-" : days(millis / 86_400_000.0);
    }

    private static String days(double d) {
        return Double.isNaN(d) ? "-" : String.format(Locale.ROOT, "%.1fd", d);
    }
}
