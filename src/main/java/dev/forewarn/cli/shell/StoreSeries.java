package dev.forewarn.cli.shell;

import dev.forewarn.series.Selector;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.store.SampleStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The series keys in a store file, for completion. */
final class StoreSeries {

    private StoreSeries() {
    }

    /** Every series key in the store at {@code path}, read-only; empty when there is no store yet. */
    static List<SeriesKey> keys(Path path) {
        if (!Files.isRegularFile(path)) {
            return List.of();
        }
        try (SampleStore store = SampleStore.openReadOnly(path)) {
            return store.find(Selector.parse("*"));
        }
    }
}
