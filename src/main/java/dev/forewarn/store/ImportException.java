package dev.forewarn.store;

/**
 * A line of an import file that cannot be read: the message reads {@code FILE:LINE: what is
 * wrong}, ready for the {@code error:} line. Nothing of the file is imported when it is thrown.
 */
public class ImportException extends RuntimeException {

    /** A problem at one line of one file (line 0: the file as a whole). */
    public ImportException(String source, long line, String problem) {
        super(line > 0 ? source + ":" + line + ": " + problem : source + ": " + problem);
    }
}
