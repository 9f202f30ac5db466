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
     * @param pending  the held-back verdict when {@code finding} is a pending one, else null
     */
    record Outcome(Finding finding, Finding resolved, Pending pending) {
        Outcome {
            if (finding == null && pending != null) {
                finding = pending.finding();
            }
        }

        Outcome(Finding finding, Finding resolved) {
            this(finding, resolved, null);
        }
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
            return new Outcome(null, null, pending(rule, raw, count, since, at));
        }
        Finding notice = null;
        if (isBad(e.raised())) {
            state.resolved(rule.id(), series, at);
            notice = new Finding(raw.ruleId(), raw.source(), Severity.OK,
                    "resolved (was " + e.raised().name() + " since " + Times.local(e.raisedMillis(), java.time.ZoneId.systemDefault()) + "): " + raw.message(), raw.projection());
        }
        if (e.count() != 0 || e.raised() != Severity.OK) {
            state.put(rule.id(), series, new FindingState.Entry(Severity.OK, 0, 0, Severity.OK, 0, at));
        }
        return new Outcome(raw, notice);
    }

    /**
     * What {@code check} shows for a raw verdict given the guard's memory as the last check left
     * it, without changing that memory: for a report, so that it says what {@code check} says.
     * When the last check judged this instant or a later one, its verdict stands (the same
     * count); otherwise the verdict is judged as the next check would judge it.
     */
    static Outcome standing(Rule rule, Finding raw, FindingState.Entry e, long at) {
        if (raw.severity() == Severity.UNKNOWN || !isBad(raw.severity()) || isBad(e.raised())) {
            return new Outcome(raw, null);
        }
        boolean judged = e.updatedMillis() >= at && e.count() > 0;
        int count = judged ? e.count() : e.count() + 1;
        long since = e.count() > 0 ? e.sinceMillis() : at;
        if (count >= rule.hold().evaluations() && at - since >= rule.hold().spanMillis()) {
            return new Outcome(raw, null);
        }
        return new Outcome(null, null, pending(rule, raw, count, since, at));
    }

    /**
     * The pending form of a bad verdict: "(pending CRITICAL: 2 of 3 evaluations)", or, once the
     * evaluations are there but the span is not, "(pending CRITICAL: held 10m of 30m, 7 evaluations)".
     */
    private static Pending pending(Rule rule, Finding raw, int count, long since, long at) {
        int needed = rule.hold().evaluations();
        long span = rule.hold().spanMillis();
        String note;
        if (count < needed) {
            note = count + " of " + needed + " evaluations" + (span > 0 ? ", over at least " + Times.human(Duration.ofMillis(span)) : "");
        } else {
            note = "held " + Times.human(Duration.ofMillis(at - since)) + " of " + Times.human(Duration.ofMillis(span))
                    + ", " + count + " evaluations";
        }
        String text = " (pending " + raw.severity().name() + ": " + note + ")";
        Finding shown = new Finding(raw.ruleId(), raw.source(), Severity.OK, raw.message() + text, raw.projection());
        return new Pending(shown, raw.severity(), count, needed);
    }

    private static boolean isBad(Severity s) {
        return s == Severity.WARNING || s == Severity.CRITICAL;
    }
}
