package dev.forewarn.store;

import java.util.List;

/**
 * The bad-line policy both importers share: without {@code --skip-bad} the first bad line ends
 * the import (so nothing from the file is stored); with it, bad lines are counted and the first
 * one is kept for the summary.
 */
final class BadLines {

    private final String source;
    private final boolean skipBad;
    private long skipped;
    private String first;

    BadLines(String source, boolean skipBad) {
        this.source = source;
        this.skipBad = skipBad;
    }

    /** A line longer than {@link LineReader#MAX_LINE_CHARS}: bad, as any other. */
    void tooLong(long lineNo) {
        bad(lineNo, new IllegalArgumentException(LineReader.TOO_LONG_MESSAGE));
    }

    /** Records a bad line, or throws {@link ImportException} naming it when bad lines are not skipped. */
    void bad(long lineNo, IllegalArgumentException e) {
        if (!skipBad) {
            throw new ImportException(source, lineNo, e.getMessage());
        }
        skipped++;
        if (first == null) {
            first = source + ":" + lineNo + ": " + e.getMessage();
        }
    }

    /**
     * The parsed file, or an {@link ImportException} with {@code emptyMessage} when it held no data
     * line at all (a file whose lines were all skipped is not empty: the count says why).
     */
    ParsedInput result(ImportBuffer buffer, String emptyMessage) {
        if (buffer.isEmpty() && skipped == 0) {
            throw new ImportException(source, 0, emptyMessage);
        }
        if (buffer.sink() != null) {
            buffer.flush();
            return new ParsedInput(source, List.of(), buffer.points(), skipped, first);
        }
        var all = buffer.toSeries();
        return new ParsedInput(source, all, all.stream().mapToLong(x -> x.size()).sum(), skipped, first);
    }
}
