package dev.forewarn.rules;

import dev.forewarn.series.Times;
import java.time.Duration;

/**
 * The flapping guard between check runs: a WARNING or CRITICAL verdict is raised only after it
 * held for the rule's number of consecutive evaluations and span; until then it shows as OK
 * "(pending ...)". Once raised, it follows the raw verdict at once (escalation is not delayed),
 * and when it stops holding a single "resolved" notice is given. An evaluation older than the
 * memory (a replay with {@code --at}) is judged raw and changes nothing.
 */
final class FlappingGuard {

    /**
     * @param finding  what to show for this rule and series now
     * @param resolved the once-only "resolved" notice, or null
     */
    record Outcome(Finding finding, Finding resolved) {
    }

    private FlappingGuard() {
    }

    static Outcome apply(Rule rule, Finding raw, FindingState state, long at) {
        String series = raw.projection().series().toString();
        FindingState.Entry e = state.get(rule.id(), series);
        if (raw.severity() == Severity.UNKNOWN || at < e.updatedMillis()) {
            return new Outcome(raw, null);
        }
        boolean bad = isBad(raw.severity());
        if (bad) {
            int count = e.count() > 0 ? e.count() + 1 : 1;
            long since = e.count() > 0 ? e.sinceMillis() : at;
            boolean standing = isBad(e.raised());
            boolean held = count >= rule.hold().evaluations() && at - since >= rule.hold().spanMillis();
            if (standing || held) {
                if (e.raised() != raw.severity()) {
                    state.raised(raw, at);
                }
                long raisedAt = standing ? e.raisedMillis() : at;
                state.put(rule.id(), series, new FindingState.Entry(raw.severity(), count, since, raw.severity(), raisedAt, at));
                return new Outcome(raw, null);
            }
            state.put(rule.id(), series, new FindingState.Entry(raw.severity(), count, since, Severity.OK, 0, at));
            String pending = " (pending " + raw.severity().name() + ": seen " + count + " of " + rule.hold().evaluations()
                    + " evaluations" + (rule.hold().spanMillis() > 0 ? " over " + Times.human(Duration.ofMillis(at - since))
                    + " of " + Times.human(Duration.ofMillis(rule.hold().spanMillis())) : "") + ")";
            return new Outcome(new Finding(raw.ruleId(), raw.source(), Severity.OK, raw.message() + pending, raw.projection()), null);
        }
        Finding notice = null;
        if (isBad(e.raised())) {
            state.resolved(rule.id(), series, at);
            notice = new Finding(raw.ruleId(), raw.source(), Severity.OK,
                    "resolved (was " + e.raised().name() + " since " + Times.iso(e.raisedMillis()) + "): " + raw.message(), raw.projection());
        }
        if (e.count() != 0 || e.raised() != Severity.OK) {
            state.put(rule.id(), series, new FindingState.Entry(Severity.OK, 0, 0, Severity.OK, 0, at));
        }
        return new Outcome(raw, notice);
    }

    private static boolean isBad(Severity s) {
        return s == Severity.WARNING || s == Severity.CRITICAL;
    }
}
