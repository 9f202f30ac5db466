package dev.forewarn.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated inputs for the rule loader: random mutations of the shipped rule files (truncation,
 * character flips, type swaps, lines dropped, doubled or re-indented). Every input must end in
 * rules or in problems with a message, never in another exception. One fixed seed, so a failure
 * reproduces, and one fresh seed per run, printed, to keep finding new cases.
 */
class RuleParserFuzzTest {

    private static final int INPUTS_PER_SEED = 500;
    private static final String NOISE = ":-{}[]\"'\n\t #%&*!|>@`,?=~\\0é€\u0000\uFEFF";
    private static final String[] SWAPS = {"[1, 2]", "{a: b}", "42", "-1", "3.5e400", "true", "null", "~", "''", "\"{{\"",
            "!!binary aGVsbG8=", "&a x", "*a", "|\n  text", "14d", "5% of", "0x10", "- item"};

    static List<String> corpus() throws IOException {
        List<String> out = new ArrayList<>();
        for (String name : List.of("fs.yaml", "memory.yaml", "fds.yaml", "load.yaml", "network.yaml", "sensors.yaml",
                "battery.yaml", "smart.yaml")) {
            try (InputStream in = RuleParserFuzzTest.class.getClassLoader().getResourceAsStream("rules/" + name)) {
                assertNotNull(in, name);
                out.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    static String mutate(String s, Random r) {
        int rounds = 1 + r.nextInt(3);
        for (int k = 0; k < rounds && !s.isEmpty(); k++) {
            int at = r.nextInt(s.length());
            switch (r.nextInt(6)) {
                case 0 -> s = s.substring(0, at);
                case 1 -> s = s.substring(0, at) + NOISE.charAt(r.nextInt(NOISE.length())) + s.substring(Math.min(s.length(), at + 1));
                case 2 -> {
                    int colon = s.indexOf(": ", at);
                    if (colon >= 0) {
                        int eol = s.indexOf('\n', colon);
                        s = s.substring(0, colon + 2) + SWAPS[r.nextInt(SWAPS.length)] + (eol < 0 ? "" : s.substring(eol));
                    }
                }
                case 3 -> {
                    List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
                    lines.remove(r.nextInt(lines.size()));
                    s = String.join("\n", lines);
                }
                case 4 -> {
                    List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
                    int i = r.nextInt(lines.size());
                    lines.add(i, lines.get(i));
                    s = String.join("\n", lines);
                }
                default -> {
                    List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
                    int i = r.nextInt(lines.size());
                    lines.set(i, (r.nextBoolean() ? " " : "") + lines.get(i).replaceFirst("^ ", r.nextBoolean() ? "" : "\t"));
                    s = String.join("\n", lines);
                }
            }
        }
        return s;
    }

    private static void fuzz(long seed) throws IOException {
        List<String> corpus = corpus();
        Random r = new Random(seed);
        int withProblems = 0;
        for (int i = 0; i < INPUTS_PER_SEED; i++) {
            String input = mutate(corpus.get(r.nextInt(corpus.size())), r);
            RuleFile f;
            try {
                f = RuleParser.parse(input, "fuzz.yaml");
            } catch (RuntimeException | StackOverflowError e) {
                fail("seed " + seed + " input " + i + " threw " + e + " on:\n" + input, e);
                return;
            }
            for (RuleProblem p : f.problems()) {
                assertTrue(p.message() != null && !p.message().isBlank() && p.line() >= 0 && p.column() >= 0,
                        "seed " + seed + ": unclear problem " + p);
            }
            for (Rule rule : f.rules()) {
                assertFalse(rule.id().isBlank());
                assertNotNull(rule.selector());
            }
            withProblems += f.ok() ? 0 : 1;
        }
        // The mutations must actually break most files, or the test proves nothing.
        assertTrue(withProblems > INPUTS_PER_SEED / 3, "only " + withProblems + " inputs had problems");
    }

    @Test
    void mutatedRuleFilesEndInRulesOrProblemsWithTheFixedSeed() throws IOException {
        fuzz(20_261_123L);
    }

    @Test
    void mutatedRuleFilesEndInRulesOrProblemsWithAFreshSeed() throws IOException {
        long seed = System.nanoTime();
        System.err.println("RuleParserFuzzTest fresh seed: " + seed);
        fuzz(seed);
    }
}
