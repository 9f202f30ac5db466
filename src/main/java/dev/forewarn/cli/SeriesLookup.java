package dev.forewarn.cli;

import dev.forewarn.series.Selector;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.store.SampleStore;
import java.util.List;

/**
 * How commands turn the user's selector into series: a bad selector is a usage error (exit 2)
 * with an example, and a selector that matches nothing says so and points at {@code show}.
 */
final class SeriesLookup {

    private SeriesLookup() {
    }

    /** The selector, or a {@link UserException} with exit code {@link ExitCodes#USAGE}. */
    static Selector parse(String text) {
        try {
            return Selector.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage() + " (a selector looks like fs.avail_bytes{mount=\"/\"})", ExitCodes.USAGE, e);
        }
    }

    /** The series the selector matches in the store, never empty: none is a {@link UserException}. */
    static List<SeriesKey> matching(SampleStore store, String selectorText) {
        List<SeriesKey> keys = store.find(parse(selectorText));
        if (keys.isEmpty()) {
            throw new UserException("no series matches " + selectorText + " in " + store.file() + ": 'forewarn show' lists them");
        }
        return keys;
    }
}
