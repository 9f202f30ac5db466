package dev.forewarn.rules;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The rules in force and where each came from. Files are read in order: the built-in set
 * (packaged from the repository's {@code rules/}), {@code /etc/forewarn/rules.d/*.yaml},
 * {@code $XDG_CONFIG_HOME/forewarn/rules.d/*.yaml} (~/.config when unset), then {@code --rules FILE};
 * within a directory by file name. A later rule with the same id replaces an earlier one, and
 * {@code enabled: false} switches one off. A file with problems keeps its valid rules and
 * reports the rest; it never hides another file's rules.
 *
 * @param rules      the enabled rules in force, in order of first definition
 * @param disabled   rules switched off by {@code enabled: false}
 * @param overridden rules replaced by a later file's rule with the same id
 * @param files      every file read, with its problems
 */
public record RuleSet(List<Rule> rules, List<Rule> disabled, List<Rule> overridden, List<RuleFile> files) {

    /** The classpath folder that holds the built-in rules. */
    static final String BUILT_IN_DIR = "rules";
    /** The prefix that names a built-in file in messages. */
    public static final String BUILT_IN_PREFIX = "built-in:";

    /** Every problem of every file, in load order. */
    public List<RuleProblem> problems() {
        List<RuleProblem> out = new ArrayList<>();
        files.forEach(f -> out.addAll(f.problems()));
        return out;
    }

    /** The rule in force with this id, or null. */
    public Rule find(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    /**
     * The directories searched after the built-in set: {@code /etc/forewarn/rules.d}, then
     * {@code $XDG_CONFIG_HOME/forewarn/rules.d} ({@code ~/.config} when unset).
     *
     * @param env the process environment (XDG_CONFIG_HOME, HOME)
     */
    public static List<Path> standardDirs(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".config");
        return List.of(Path.of("/etc/forewarn/rules.d"), config.resolve("forewarn").resolve("rules.d"));
    }

    /**
     * Loads the built-in set (when asked), the {@code *.yaml} files of each directory, then
     * the extra file. A missing directory is skipped; a missing extra file is a problem.
     */
    public static RuleSet load(boolean builtIn, List<Path> dirs, Path extraFile) {
        List<RuleFile> files = new ArrayList<>();
        if (builtIn) {
            files.addAll(builtIn());
        }
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".yaml")
                        || p.getFileName().toString().endsWith(".yml")).sorted().toList()) {
                    files.add(read(p, false));
                }
            } catch (IOException e) {
                files.add(new RuleFile(dir.toString(), List.of(), List.of(new RuleProblem(dir.toString(), 0, 0,
                        "cannot list the directory: " + e.getMessage()))));
            }
        }
        if (extraFile != null) {
            files.add(read(extraFile));
        }
        return combine(files);
    }

    /**
     * Combines files read in order: later ids replace earlier ones. An entry that only switches a
     * rule off ({@link Rule#isSwitchOff}) becomes the earlier rule, disabled, with the switch-off's
     * source; one that names no earlier rule is a problem of its file (a mistyped id would
     * otherwise leave the rule on without a word).
     */
    static RuleSet combine(List<RuleFile> files) {
        Map<String, Rule> byId = new LinkedHashMap<>();
        List<Rule> overridden = new ArrayList<>();
        List<RuleFile> read = new ArrayList<>();
        for (RuleFile f : files) {
            List<RuleProblem> problems = new ArrayList<>(f.problems());
            for (Rule r : f.rules()) {
                Rule old = byId.get(r.id());
                if (r.isSwitchOff()) {
                    if (old == null) {
                        problems.add(new RuleProblem(f.file(), r.source().line(), r.source().column(), "enabled: false switches off '"
                                + r.id() + "', but no earlier rules file defines a rule with that id ('forewarn rules list' shows them)"));
                        continue;
                    }
                    r = old.switchedOffBy(r.source());
                }
                byId.put(r.id(), r);
                if (old != null) {
                    overridden.add(old);
                }
            }
            read.add(problems.size() == f.problems().size() ? f : new RuleFile(f.file(), f.rules(), problems));
        }
        List<Rule> on = new ArrayList<>();
        List<Rule> off = new ArrayList<>();
        byId.values().forEach(r -> (r.enabled() ? on : off).add(r));
        return new RuleSet(List.copyOf(on), List.copyOf(off), List.copyOf(overridden), List.copyOf(read));
    }

    /** The largest rules file read, in bytes: a rules file is a few kilobytes, and /dev/zero is endless. */
    static final int MAX_FILE_BYTES = 1 << 20;

    /**
     * Reads one rules file named on the command line; an unreadable file is a problem, not an
     * exception. A regular file, or a pipe ({@code --rules <(...)}); a directory, a device or a
     * socket is refused without being opened.
     */
    public static RuleFile read(Path p) {
        return read(p, true);
    }

    /**
     * Reads one rules file, at most {@link #MAX_FILE_BYTES}.
     *
     * @param pipeAllowed whether a FIFO may be read: only when named explicitly, since reading one
     *                    that nobody writes waits for ever (a FIFO left in rules.d hung every check)
     */
    private static RuleFile read(Path p, boolean pipeAllowed) {
        String name = p.toString();
        try {
            String kind = fileKind(p);
            if (kind != null && !(pipeAllowed && kind.equals("a FIFO"))) {
                return problem(name, "not a regular file (" + kind + "): refused; a rules file is a YAML text file");
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(p)) {
                bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            }
            if (bytes.length > MAX_FILE_BYTES) {
                // the line that makes it so large, when one does (a scalar of megabytes), else the size
                String head = new String(bytes, 0, MAX_FILE_BYTES, StandardCharsets.UTF_8);
                RuleFile longLine = RuleParser.longLine(head, name);
                return longLine != null ? longLine
                        : problem(name, "larger than " + (MAX_FILE_BYTES >> 20) + " MiB: refused; a rules file is a few kilobytes");
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return RuleParser.parse(text, name);
        } catch (CharacterCodingException e) {
            return problem(name, "not UTF-8 text");
        } catch (IOException | java.io.UncheckedIOException e) {
            String why = e instanceof java.nio.file.NoSuchFileException ? "no such file" : String.valueOf(e.getMessage());
            return problem(name, "cannot read the rules file: " + why);
        }
    }

    /** Null for a regular file (after symlinks), else what it is, for the message. */
    private static String fileKind(Path p) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        if (a.isRegularFile()) {
            return null;
        }
        if (a.isDirectory()) {
            return "a directory";
        }
        try {
            int type = (Integer) Files.getAttribute(p, "unix:mode") & 0170000;
            return switch (type) {
                case 0010000 -> "a FIFO";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a special file";
        }
    }

    private static RuleFile problem(String name, String message) {
        return new RuleFile(name, List.of(), List.of(new RuleProblem(name, 0, 0, message)));
    }

    /** The built-in rule files packaged in the jar (or in target/classes when run from the build). */
    static List<RuleFile> builtIn() {
        URL url = RuleSet.class.getClassLoader().getResource(BUILT_IN_DIR + "/fs.yaml");
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return readBuiltIn(fs.getPath("/" + BUILT_IN_DIR));
            }
            return readBuiltIn(Path.of(uri).getParent());
        } catch (URISyntaxException | IOException e) {
            return List.of(new RuleFile(BUILT_IN_PREFIX + BUILT_IN_DIR, List.of(), List.of(new RuleProblem(
                    BUILT_IN_PREFIX + BUILT_IN_DIR, 0, 0, "cannot read the built-in rules: " + e.getMessage()))));
        }
    }

    private static List<RuleFile> readBuiltIn(Path dir) throws IOException {
        List<RuleFile> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(p)) {
                    String name = BUILT_IN_PREFIX + BUILT_IN_DIR + "/" + p.getFileName();
                    out.add(RuleParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name));
                }
            }
        }
        return out;
    }
}
