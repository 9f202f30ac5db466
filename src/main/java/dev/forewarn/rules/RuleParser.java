package dev.forewarn.rules;

import dev.forewarn.forecast.Direction;
import dev.forewarn.series.Selector;
import dev.forewarn.series.Times;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the YAML text of one rules file into {@link Rule}s, reporting every problem with
 * file:line:column rather than stopping at the first. The format:
 *
 * <pre>
 * rules:
 *   - id: fs-space
 *     series: fs.avail_bytes
 *     exclude: ['{fstype="tmpfs"}']
 *     direction: down
 *     threshold: 5% of fs.size_bytes
 *     warning: 14d
 *     critical: 3d
 *     now: {warning: 10% of fs.size_bytes, critical: 3% of fs.size_bytes}
 *     evidence: {span: 2d, samples: 12}
 *     hold: 2            # evaluations, or a span such as 30m, or {evaluations: 2, span: 30m}
 *     message: "{mount} fills {when}"
 *   - id: load-above-cores   # switches off a rule of an earlier file (the built-in set)
 *     enabled: false
 * </pre>
 */
public final class RuleParser {

    static final Set<String> RULE_KEYS = Set.of("id", "description", "series", "exclude", "direction", "threshold",
            "warning", "critical", "now", "growing", "evidence", "hold", "rate", "window", "confidence", "message", "enabled");
    /** The keys an entry that only switches off an earlier rule may have. */
    private static final Set<String> SWITCH_OFF_KEYS = Set.of("id", "enabled", "description");
    private static final Set<String> NOW_KEYS = Set.of("warning", "critical");
    private static final Set<String> GROWING_KEYS = Set.of("within", "severity");
    private static final Set<String> EVIDENCE_KEYS = Set.of("span", "samples");
    private static final Set<String> HOLD_KEYS = Set.of("evaluations", "span");

    private final String file;
    private final List<RuleProblem> problems = new ArrayList<>();

    private RuleParser(String file) {
        this.file = file;
    }

    /**
     * The longest line a rules file may have, in characters. The YAML scanner's buffer grows in
     * time quadratic in the length of one line (a 10 MB quoted scalar took minutes to refuse),
     * and no rule needs a line near this long.
     */
    static final int MAX_LINE_CHARS = 64 * 1024;

    /** Parses one file's text; never throws for any input. */
    public static RuleFile parse(String text, String file) {
        RuleFile longLine = longLine(text, file);
        if (longLine != null) {
            return longLine;
        }
        RuleParser p = new RuleParser(file);
        YamlReader.Result doc = YamlReader.read(text, file);
        p.problems.addAll(doc.problems());
        List<Rule> rules = doc.root() == null ? List.of() : p.document(doc.root());
        if (doc.root() == null && doc.problems().isEmpty()) {
            p.problems.add(new RuleProblem(file, 1, 1, "empty file: expected 'rules:' followed by a list of rules"));
        }
        p.problems.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.column(), b.column()));
        return new RuleFile(file, rules, p.problems);
    }

    /** The file refused at its first line longer than {@link #MAX_LINE_CHARS}, or null when there is none. */
    static RuleFile longLine(String text, String file) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - start > MAX_LINE_CHARS) {
                    return new RuleFile(file, List.of(), List.of(new RuleProblem(file, line, 1, String.format(
                            "line longer than %,d characters: refused (a value this long is not a rule)", MAX_LINE_CHARS))));
                }
                line++;
                start = i + 1;
            }
        }
        return null;
    }

    private List<Rule> document(YamlNode root) {
        if (!root.isMapping()) {
            problem(root, "expected a mapping with the key 'rules', got " + root.typeName());
            return List.of();
        }
        unknownKeys(root, Set.of("rules"), "top level");
        YamlNode list = root.fields().get("rules");
        if (list == null) {
            problem(root, "missing key 'rules' (a list of rules)");
            return List.of();
        }
        if (list.isNull()) {
            return List.of();
        }
        if (!list.isSequence()) {
            problem(list, "'rules' must be a list of rules, got " + list.typeName());
            return List.of();
        }
        List<Rule> rules = new ArrayList<>();
        Map<String, YamlNode> seen = new HashMap<>();
        for (YamlNode item : list.items()) {
            int before = problems.size();
            Rule r = rule(item);
            if (r != null) {
                YamlNode first = seen.putIfAbsent(r.id(), item.fields().get("id"));
                if (first != null) {
                    problem(item.fields().get("id"), "duplicate rule id '" + r.id() + "' (first at line " + first.line() + ")");
                } else if (problems.size() == before) {
                    rules.add(r);
                }
            }
        }
        return rules;
    }

    private Rule rule(YamlNode n) {
        if (!n.isMapping()) {
            problem(n, "each rule must be a mapping (id:, series:, ...), got " + n.typeName());
            return null;
        }
        unknownKeys(n, RULE_KEYS, "rule");
        Map<String, YamlNode> f = n.fields();
        String id = text(f.get("id"), "id");
        if (f.get("id") == null) {
            problem(n, "missing key 'id'");
        } else if (id != null && !id.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            problem(f.get("id"), "bad id '" + id + "': use letters, digits, '.', '_' and '-'");
            id = null;
        }
        YamlNode off = f.get("enabled");
        if (f.get("series") == null && off != null && Boolean.FALSE.equals(off.scalar())) {
            return switchOff(n, id);
        }
        String description = text(f.get("description"), "description");
        Selector selector = null;
        if (f.get("series") == null) {
            problem(n, "missing key 'series' (a selector such as fs.avail_bytes{fstype!=\"tmpfs\"})");
        } else {
            selector = selector(f.get("series"), "series");
        }
        List<Selector> exclude = new ArrayList<>();
        YamlNode ex = f.get("exclude");
        if (ex != null && !ex.isNull()) {
            List<YamlNode> items = ex.isSequence() ? ex.items() : List.of(ex);
            for (YamlNode x : items) {
                Selector s = selector(x, "exclude");
                if (s != null) {
                    exclude.add(s);
                }
            }
        }
        Direction direction = direction(f.get("direction"));
        String metric = selector == null ? null : selector.name();
        Threshold threshold = threshold(f.get("threshold"), "threshold", metric);
        long warning = duration(f.get("warning"), "warning", 0);
        long critical = duration(f.get("critical"), "critical", 0);
        if (warning > 0 && critical > 0 && warning < critical) {
            problem(f.get("warning"), "warning horizon (" + f.get("warning").text() + ") is shorter than the critical horizon ("
                    + f.get("critical").text() + "): a crossing would be critical before it is a warning");
        }
        if (threshold != null && f.get("warning") == null && f.get("critical") == null) {
            problem(f.get("threshold"), "a threshold needs a 'warning' and/or 'critical' horizon (e.g. warning: 14d)");
        }
        if (threshold == null && f.get("threshold") == null && (f.get("warning") != null || f.get("critical") != null)) {
            problem(f.get("warning") != null ? f.get("warning") : f.get("critical"), "a horizon needs a 'threshold' to project toward");
        }
        Threshold nowWarning = null;
        Threshold nowCritical = null;
        YamlNode now = f.get("now");
        if (now != null && mapping(now, "now", NOW_KEYS)) {
            nowWarning = threshold(now.fields().get("warning"), "now.warning", metric);
            nowCritical = threshold(now.fields().get("critical"), "now.critical", metric);
            if (nowWarning != null && nowCritical != null && direction != null
                    && String.valueOf(nowWarning.companion()).equals(String.valueOf(nowCritical.companion()))
                    && (direction == Direction.DOWN ? nowWarning.value() < nowCritical.value() : nowWarning.value() > nowCritical.value())) {
                problem(now.fields().get("warning"), "now.warning (" + nowWarning + ") would be reached after now.critical ("
                        + nowCritical + ") for direction " + direction.label());
            }
        }
        Rule.Growth growth = growth(f.get("growing"));
        Rule.Evidence evidence = evidence(f.get("evidence"));
        Rule.Hold hold = hold(f.get("hold"));
        long rate = 0;
        YamlNode rn = f.get("rate");
        if (rn != null && !(rn.scalar() instanceof Boolean b && !b)) {
            rate = rn.scalar() instanceof Boolean ? 300_000L : duration(rn, "rate", 0);
        }
        long window = duration(f.get("window"), "window", Rule.DEFAULT_WINDOW_MILLIS);
        double confidence = 0.8;
        YamlNode cn = f.get("confidence");
        if (cn != null) {
            if (cn.scalar() instanceof Number num && num.doubleValue() > 0 && num.doubleValue() < 1) {
                confidence = num.doubleValue();
            } else {
                problem(cn, "confidence must be a number between 0 and 1 (e.g. 0.8), got " + describe(cn));
            }
        }
        String message = text(f.get("message"), "message");
        if (message != null) {
            for (String m : MessageTemplate.check(message)) {
                problem(f.get("message"), m);
            }
        } else {
            message = "{subject} reaches {threshold} {when}";
        }
        boolean enabled = true;
        YamlNode en = f.get("enabled");
        if (en != null) {
            if (en.scalar() instanceof Boolean b) {
                enabled = b;
            } else {
                problem(en, "enabled must be true or false, got " + describe(en));
            }
        }
        boolean judges = threshold != null || nowWarning != null || nowCritical != null || growth != null;
        if (!judges && f.get("threshold") == null && now == null && f.get("growing") == null && enabled) {
            problem(n, "rule judges nothing: give a 'threshold' with horizons, 'now' levels, or 'growing'");
        }
        if ((threshold != null || nowWarning != null || nowCritical != null) && direction == null && f.get("direction") == null) {
            problem(n, "missing key 'direction' (up or down): which way the series moves toward the threshold");
        }
        if (id == null || selector == null) {
            return null;
        }
        return new Rule(id, description == null ? "" : description, selector, exclude,
                direction == null ? Direction.UP : direction, threshold, warning, critical, nowWarning, nowCritical,
                growth, evidence, hold, rate, window, confidence, message, enabled,
                new RuleSource(file, n.line(), n.column()));
    }

    /**
     * An entry of {@code id} and {@code enabled: false} without {@code series}: it switches off the
     * earlier rule with that id ({@link RuleSet} resolves it). A judging key beside it is a problem,
     * because without a selector it would judge nothing and the admin would think it did.
     */
    private Rule switchOff(YamlNode n, String id) {
        for (Map.Entry<String, YamlNode> e : n.fields().entrySet()) {
            if (RULE_KEYS.contains(e.getKey()) && !SWITCH_OFF_KEYS.contains(e.getKey())) {
                problem(e.getValue(), "'" + e.getKey() + "' in a rule that only switches another off (enabled: false without 'series'): "
                        + "give 'series' to define a rule, or keep just id and enabled");
            }
        }
        String description = text(n.fields().get("description"), "description");
        return id == null ? null : Rule.switchOff(id, description == null ? "" : description, new RuleSource(file, n.line(), n.column()));
    }

    private Rule.Growth growth(YamlNode n) {
        if (n == null || !mapping(n, "growing", GROWING_KEYS)) {
            return null;
        }
        long within = duration(n.fields().get("within"), "growing.within", 7 * 86_400_000L);
        Severity sev = Severity.WARNING;
        YamlNode s = n.fields().get("severity");
        if (s != null) {
            String t = s.text();
            if (s.isScalar() && t != null && (t.equalsIgnoreCase("warning") || t.equalsIgnoreCase("critical"))) {
                sev = Severity.valueOf(t.toUpperCase(Locale.ROOT));
            } else {
                problem(s, "growing.severity must be warning or critical, got " + describe(s));
            }
        }
        return new Rule.Growth(within, sev);
    }

    private Rule.Evidence evidence(YamlNode n) {
        if (n == null) {
            return Rule.Evidence.DEFAULT;
        }
        if (!mapping(n, "evidence", EVIDENCE_KEYS)) {
            return Rule.Evidence.DEFAULT;
        }
        long span = duration(n.fields().get("span"), "evidence.span", Rule.Evidence.DEFAULT.spanMillis());
        int samples = positiveInt(n.fields().get("samples"), "evidence.samples", Rule.Evidence.DEFAULT.samples());
        return new Rule.Evidence(span, samples);
    }

    private Rule.Hold hold(YamlNode n) {
        if (n == null) {
            return Rule.Hold.NONE;
        }
        if (n.scalar() instanceof Number) {
            return new Rule.Hold(positiveInt(n, "hold", 1), 0);
        }
        if (n.isScalar()) {
            return new Rule.Hold(1, duration(n, "hold", 0));
        }
        if (!mapping(n, "hold", HOLD_KEYS)) {
            return Rule.Hold.NONE;
        }
        return new Rule.Hold(positiveInt(n.fields().get("evaluations"), "hold.evaluations", 1),
                duration(n.fields().get("span"), "hold.span", 0));
    }

    private Direction direction(YamlNode n) {
        if (n == null) {
            return null;
        }
        String t = n.text();
        if (n.isScalar() && t != null && (t.equalsIgnoreCase("up") || t.equalsIgnoreCase("down"))) {
            return Direction.valueOf(t.toUpperCase(Locale.ROOT));
        }
        problem(n, "direction must be 'up' or 'down', got " + describe(n));
        return null;
    }

    private Selector selector(YamlNode n, String key) {
        String t = text(n, key);
        if (t == null) {
            return null;
        }
        try {
            return Selector.parse(t);
        } catch (IllegalArgumentException e) {
            problem(n, "bad selector in '" + key + "': " + e.getMessage());
            return null;
        }
    }

    private Threshold threshold(YamlNode n, String key, String metric) {
        if (n == null) {
            return null;
        }
        if (!n.isScalar() || n.isNull() || n.scalar() instanceof Boolean) {
            problem(n, key + " must be a number or a percentage such as '5% of fs.size_bytes', got " + n.typeName());
            return null;
        }
        try {
            return Threshold.parse(n.text(), metric);
        } catch (IllegalArgumentException e) {
            problem(n, "bad " + key + ": " + e.getMessage());
            return null;
        }
    }

    private long duration(YamlNode n, String key, long dflt) {
        if (n == null) {
            return dflt;
        }
        if (!n.isScalar() || n.isNull() || n.scalar() instanceof Boolean) {
            problem(n, key + " must be a duration such as 14d, 6h or 30m, got " + n.typeName());
            return dflt;
        }
        try {
            return Times.parseDurationMillis(n.text());
        } catch (IllegalArgumentException e) {
            problem(n, "bad " + key + ": " + e.getMessage());
            return dflt;
        }
    }

    private int positiveInt(YamlNode n, String key, int dflt) {
        if (n == null) {
            return dflt;
        }
        if (n.scalar() instanceof Long l && l >= 1 && l <= 1_000_000) {
            return l.intValue();
        }
        problem(n, key + " must be a whole number from 1 to 1000000, got " + describe(n));
        return dflt;
    }

    private String text(YamlNode n, String key) {
        if (n == null) {
            return null;
        }
        if (n.isScalar() && n.scalar() instanceof String s) {
            if (s.isBlank()) {
                problem(n, key + " is empty");
                return null;
            }
            return s;
        }
        if (n.isScalar() && n.scalar() instanceof Long l && key.equals("id")) {
            return String.valueOf(l);
        }
        problem(n, key + " must be text, got " + n.typeName());
        return null;
    }

    private boolean mapping(YamlNode n, String key, Set<String> allowed) {
        if (!n.isMapping()) {
            problem(n, key + " must be a mapping (" + String.join(", ", new java.util.TreeSet<>(allowed)) + "), got " + n.typeName());
            return false;
        }
        unknownKeys(n, allowed, key);
        return true;
    }

    private void unknownKeys(YamlNode n, Set<String> allowed, String where) {
        for (Map.Entry<String, YamlNode> e : n.keys().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                problem(e.getValue(), "unknown key '" + e.getKey() + "' in " + where + " (known: "
                        + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    private static String describe(YamlNode n) {
        return n.isScalar() && n.scalar() != null ? "'" + n.text() + "'" : n.typeName();
    }

    private void problem(YamlNode at, String message) {
        problems.add(new RuleProblem(file, at == null ? 0 : at.line(), at == null ? 0 : at.column(), message));
    }
}
