package dev.forewarn.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * What a file-system failure means, in words an admin reads in a cron mail ("no such file or
 * directory", "no space left on device") instead of the Java class that carried it
 * ({@code NoSuchFileException}, {@code FileSystemException}); and error messages cut to a length
 * a terminal shows, whatever argument they echo.
 */
final class IoWords {

    /** A word (an echoed argument, a path) longer than this is cut, with an ellipsis and its length. */
    static final int MAX_WORD = 120;

    private IoWords() {
    }

    /** Why an I/O operation failed, without the file: {@code permission denied}, {@code no space left on device}. */
    static String reason(Throwable e) {
        Throwable t = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        if (t instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (t instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (t instanceof FileAlreadyExistsException) {
            return "it already exists";
        }
        if (t instanceof DirectoryNotEmptyException) {
            return "the directory is not empty";
        }
        if (t instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (t instanceof FileSystemException f && f.getReason() != null) {
            return lower(f.getReason());
        }
        if (t.getMessage() != null && !t.getMessage().isBlank()) {
            return lower(t.getMessage());
        }
        return "input/output error";
    }

    /**
     * The one-line message of an exception that no command turned into words: for a file-system
     * failure the file and the reason ({@code /x/y: permission denied}), for other I/O failures
     * "input/output error: ...", for anything else its message after what kind of failure it was.
     */
    static String describe(Throwable e) {
        Throwable t = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        if (t instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile()) + ": " + reason(f);
        }
        if (t instanceof IOException) {
            return "input/output error: " + reason(t);
        }
        String kind = t.getClass().getSimpleName();
        return t.getMessage() == null ? "unexpected " + kind + " (run with -v for the details)" : "unexpected " + kind + ": " + t.getMessage();
    }

    /**
     * A message as one line a terminal shows: control characters escaped, and every word longer
     * than {@link #MAX_WORD} characters (a 100,000-character argument echoed back) cut with an ellipsis.
     */
    static String oneLine(String message) {
        String s = dev.forewarn.series.SafeText.line(message == null ? "" : message);
        StringBuilder b = new StringBuilder(Math.min(s.length(), 4096));
        int i = 0;
        while (i < s.length()) {
            int j = i;
            while (j < s.length() && !Character.isWhitespace(s.charAt(j))) {
                j++;
            }
            if (j - i > MAX_WORD) {
                b.append(s, i, i + MAX_WORD).append("…(").append(String.format(Locale.ROOT, "%,d", j - i)).append(" characters)");
            } else {
                b.append(s, i, j);
            }
            while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
                b.append(s.charAt(j++));
            }
            i = j;
        }
        return b.toString();
    }

    private static String lower(String s) {
        return s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))
                ? Character.toLowerCase(s.charAt(0)) + s.substring(1) : s;
    }
}
