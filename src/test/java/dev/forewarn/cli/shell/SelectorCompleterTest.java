package dev.forewarn.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.SeriesKey;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

class SelectorCompleterTest {

    @Command(name = "root", subcommands = {Show.class, Importer.class})
    static final class Root {
    }

    @Command(name = "show")
    static final class Show {
        @Parameters(arity = "0..1", paramLabel = "SELECTOR")
        String selector;
        @Option(names = "--since", paramLabel = "T")
        String since;
        @Option(names = "--raw")
        boolean raw;
    }

    @Command(name = "import")
    static final class Importer {
        @Parameters(paramLabel = "FILE")
        List<String> files;
        @Option(names = "--series", paramLabel = "SELECTOR")
        String series;
    }

    private final CommandLine root = new CommandLine(new Root());

    @Test
    void selectorIsOfferedWhereACommandTakesOne() {
        assertTrue(SelectorCompleter.expectsSelector(root, List.of("show", ""), 1));
        assertTrue(SelectorCompleter.expectsSelector(root, List.of("show", "--raw", "fs."), 2), "after a flag");
        assertTrue(SelectorCompleter.expectsSelector(root, List.of("import", "a.csv", "--series", ""), 3));
    }

    @Test
    void selectorIsNotOfferedForOptionsTheirValuesOrOtherCommands() {
        assertFalse(SelectorCompleter.expectsSelector(root, List.of("show", "--"), 1), "an option is being typed");
        assertFalse(SelectorCompleter.expectsSelector(root, List.of("show", "--since", ""), 2), "--since takes a time");
        assertFalse(SelectorCompleter.expectsSelector(root, List.of("import", ""), 1), "import takes files");
        assertFalse(SelectorCompleter.expectsSelector(root, List.of("sh"), 0), "the command word itself");
    }

    @Test
    void candidatesAreMetricNamesThenFullKeysWithoutDuplicates() {
        List<SeriesKey> keys = List.of(
                SeriesKey.of("fs.avail_bytes", "mount", "/"),
                SeriesKey.of("fs.avail_bytes", "mount", "/var"),
                SeriesKey.of("mem.available_bytes"));
        assertEquals(List.of("fs.avail_bytes", "mem.available_bytes",
                        "fs.avail_bytes{mount=\"/\"}", "fs.avail_bytes{mount=\"/var\"}"),
                List.copyOf(SelectorCompleter.candidates(keys)));
    }

    @Test
    void aMetricNameWithLabelledSeriesLeavesTheWordOpenForItsLabels() {
        List<SeriesKey> keys = List.of(
                SeriesKey.of("fs.avail_bytes", "mount", "/"),
                SeriesKey.of("mem.available_bytes"));
        assertFalse(SelectorCompleter.isComplete("fs.avail_bytes", keys), "{mount=...} may follow");
        assertTrue(SelectorCompleter.isComplete("fs.avail_bytes{mount=\"/\"}", keys));
        assertTrue(SelectorCompleter.isComplete("mem.available_bytes", keys), "no labels to add");
    }
}
