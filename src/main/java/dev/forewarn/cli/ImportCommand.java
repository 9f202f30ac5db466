package dev.forewarn.cli;

import dev.forewarn.series.SeriesKey;
import dev.forewarn.store.CsvImport;
import dev.forewarn.store.ImportException;
import dev.forewarn.store.ImportResult;
import dev.forewarn.store.OpenMetricsImport;
import dev.forewarn.store.ParsedInput;
import dev.forewarn.store.SampleStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code forewarn import FILE...}: loads history from CSV or OpenMetrics text. Every file is read
 * and checked before anything is stored, and everything is stored in one transaction: a bad
 * line anywhere ends the command with {@code error: FILE:LINE: ...} and imports nothing (unless
 * {@code --skip-bad}). Prints a one-line summary on stdout (it is the command's result).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Loads history from CSV (time,series,value, or time,value with --series) or OpenMetrics text.",
                "Nothing is imported when any line is bad, unless --skip-bad. '-' reads standard input.",
                "Points at the same series and time: the last one read wins, also over stored points.",
                "OpenMetrics samples without a timestamp get the file's modification time (now for '-')."})
public final class ImportCommand implements Callable<Integer> {

    /** Input formats. */
    enum Format { csv, openmetrics }

    @Mixin
    Verbosity verbosity;

    @Mixin
    StoreOption store;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import; '-' for standard input.")
    List<String> files;

    @Option(names = "--format", paramLabel = "FORMAT", description = "csv or openmetrics (default: from the extension, else from the content).")
    Format format;

    @Option(names = "--series", paramLabel = "SERIES", description = "The series of time,value CSV lines, e.g. 'fs.avail_bytes{mount=\"/\"}'.")
    String series;

    @Option(names = "--skip-bad", description = "Skip bad lines, import the rest, and report how many were skipped.")
    boolean skipBad;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SeriesKey fixed = null;
        if (series != null) {
            try {
                fixed = SeriesKey.parse(series);
            } catch (IllegalArgumentException e) {
                throw new UserException("--series: " + e.getMessage(), ExitCodes.USAGE, e);
            }
        }
        long now = System.currentTimeMillis();
        List<ParsedInput> parsed = new ArrayList<>();
        ImportResult r;
        long future;
        long latestFuture;
        try (ImportBatches batches = new ImportBatches(store.path(), now + FUTURE_MILLIS)) {
            try (Progress progress = Progress.start("reading", totalBytes(files))) {
                for (String f : files) {
                    parsed.add(read(f, fixed, now, progress, batches));
                }
            }
            r = batches.commit();
            future = batches.futurePoints();
            latestFuture = batches.latestFutureMillis();
        }
        long skipped = 0;
        String firstSkipped = null;
        for (ParsedInput p : parsed) {
            skipped += p.skipped();
            if (firstSkipped == null) {
                firstSkipped = p.firstSkipped();
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("imported %,d point%s of %,d series from %d file%s into %s%n", r.points(), r.points() == 1 ? "" : "s", r.series(), files.size(),
                files.size() == 1 ? "" : "s", store.path());
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        if (skipped > 0) {
            err.printf("forewarn: skipped %,d bad line%s (first: %s)%n", skipped, skipped == 1 ? "" : "s", firstSkipped);
        }
        futureWarning(future, latestFuture).ifPresent(err::println);
        err.flush();
        return ExitCodes.SUCCESS;
    }

    /** Points this far ahead of the clock are suspicious: a wrong time unit or zone, or a clock that is behind. */
    static final long FUTURE_MILLIS = 86_400_000L;

    /** One line when {@code count} points lie more than a day in the future: how many, and the latest (epoch ms). */
    static java.util.Optional<String> futureWarning(long count, long latest) {
        if (count == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(String.format(Locale.ROOT, "forewarn: warning: %,d point%s more than a day in the future (the latest %s);"
                + " check the file's time unit and zone, and this host's clock", count, count == 1 ? " lies" : "s lie",
                dev.forewarn.series.Times.iso(latest)));
    }

    /** The bytes to read, for the progress bar; 0 (unknown) when reading stdin. */
    private static long totalBytes(List<String> names) {
        long total = 0;
        for (String n : names) {
            try {
                if (n.equals("-")) {
                    return 0;
                }
                total += Files.size(Path.of(n));
            } catch (IOException | RuntimeException e) {
                return 0; // read() reports the problem with the file
            }
        }
        return total;
    }

    private ParsedInput read(String name, SeriesKey fixed, long now, Progress progress, ImportBatches batches) {
        boolean stdin = name.equals("-");
        Path path = stdin ? null : Path.of(name);
        if (path != null && Files.isDirectory(path)) {
            throw new UserException("cannot import " + name + ": it is a directory; give the files in it");
        }
        try (BufferedReader in = stdin
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16)
                : new BufferedReader(new InputStreamReader(progress.counting(Files.newInputStream(path)), StandardCharsets.UTF_8), 1 << 16)) {
            Format f = format != null ? format : detect(name, in);
            if (f == Format.openmetrics && fixed != null) {
                throw new UserException("--series applies to time,value CSV files, but " + name + " is OpenMetrics text",
                        ExitCodes.USAGE, null);
            }
            long fileTime = stdin ? now : Files.getLastModifiedTime(path).toMillis();
            return f == Format.csv
                    ? CsvImport.parse(name, in, fixed, skipBad, now, ZoneId.systemDefault(), batches)
                    : OpenMetricsImport.parse(name, in, fileTime, skipBad, batches);
        } catch (ImportException e) {
            throw new UserException(e.getMessage() + (skipBad ? "" : "; nothing was imported (--skip-bad imports the rest)"), e);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new UserException("cannot read " + name + ": permission denied", e);
        } catch (NoSuchFileException e) {
            throw new UserException("cannot import " + name + ": no such file", e);
        } catch (IOException | UncheckedIOException e) {
            throw new UserException("cannot read " + name + ": " + IoWords.reason(e), e);
        }
    }

    /** The format by extension, else by the first non-blank line: comments or a name then a space mean OpenMetrics. */
    static Format detect(String name, BufferedReader in) throws IOException {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return Format.csv;
        }
        if (lower.endsWith(".prom") || lower.endsWith(".om") || lower.endsWith(".openmetrics") || lower.endsWith(".metrics")) {
            return Format.openmetrics;
        }
        // a peek at the first 64 KiB, not readLine: a file of one endless line must not fill the heap here
        char[] head = new char[1 << 16];
        in.mark(head.length);
        int n;
        try {
            n = in.read(head, 0, head.length);
        } finally {
            in.reset();
        }
        if (n <= 0) {
            return Format.csv;
        }
        for (String line : new String(head, 0, n).split("\r\n|\r|\n")) {
            String s = line.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (s.startsWith("# HELP") || s.startsWith("# TYPE") || s.startsWith("# EOF")) {
                return Format.openmetrics;
            }
            if (s.startsWith("#")) {
                continue;
            }
            return s.matches("[A-Za-z_:][A-Za-z0-9_:]*(\\{.*\\})?\\s+\\S+(\\s+\\S+)?") ? Format.openmetrics : Format.csv;
        }
        return Format.csv;
    }
}
