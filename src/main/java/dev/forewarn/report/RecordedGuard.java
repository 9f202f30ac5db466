package dev.forewarn.report;

import dev.forewarn.rules.FindingState;
import java.util.List;
import java.util.Map;

/**
 * The flapping guard's memory as a report recorded it, read only: {@code report --verify} judges
 * the rules with the memory the report was made with, not with what later checks left in the store.
 */
final class RecordedGuard implements FindingState {

    private static final String NEVER = "a report never changes the guard's memory";

    private final Map<String, Entry> recorded;

    /** @param recorded entries by {@link Report#key} */
    RecordedGuard(Map<String, Entry> recorded) {
        this.recorded = recorded;
    }

    @Override
    public Entry get(String ruleId, String series) {
        return recorded.getOrDefault(Report.key(ruleId, series), Entry.NONE);
    }

    @Override
    public void put(String ruleId, String series, Entry entry) {
        throw new UnsupportedOperationException(NEVER);
    }

    @Override
    public void keep(Raised raised) {
        throw new UnsupportedOperationException(NEVER);
    }

    @Override
    public void resolved(String ruleId, String series, long atMillis) {
        throw new UnsupportedOperationException(NEVER);
    }

    @Override
    public List<Raised> history() {
        return List.of();
    }
}
