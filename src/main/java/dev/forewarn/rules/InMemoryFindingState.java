package dev.forewarn.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A {@link FindingState} held in memory: for one process (the shell, tests, replays). */
public final class InMemoryFindingState implements FindingState {

    private final Map<String, Entry> entries = new HashMap<>();
    private final List<Raised> history = new ArrayList<>();

    @Override
    public Entry get(String ruleId, String series) {
        return entries.getOrDefault(ruleId + "\u0000" + series, Entry.NONE);
    }

    @Override
    public void put(String ruleId, String series, Entry entry) {
        entries.put(ruleId + "\u0000" + series, entry);
    }

    @Override
    public void keep(Raised raised) {
        history.add(raised);
    }

    @Override
    public void resolved(String ruleId, String series, long atMillis) {
        for (int i = history.size() - 1; i >= 0; i--) {
            Raised r = history.get(i);
            if (r.ruleId().equals(ruleId) && r.series().equals(series) && r.resolvedMillis() == null) {
                history.set(i, new Raised(r.ruleId(), r.series(), r.severity(), r.raisedMillis(), atMillis, r.value(),
                        r.threshold(), r.etaMillis(), r.etaLowMillis(), r.etaHighMillis(), r.message()));
            }
        }
    }

    @Override
    public List<Raised> history() {
        return List.copyOf(history);
    }
}
