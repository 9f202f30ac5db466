package dev.forewarn.report;

import dev.forewarn.rules.Rule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** The SHA-256 a report records of the rules it was judged with, so verify can tell "other rules" from "changed". */
final class RulesDigest {

    private RulesDigest() {
    }

    /** SHA-256, hex, over one line of each rule's full definition (its source included), in load order. */
    static String sha256(List<Rule> rules) {
        StringBuilder b = new StringBuilder();
        for (Rule r : rules) {
            b.append(r).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
