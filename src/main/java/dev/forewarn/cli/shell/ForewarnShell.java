package dev.forewarn.cli.shell;

import dev.forewarn.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jline.console.impl.SystemRegistryImpl;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.completer.AggregateCompleter;
import org.jline.terminal.Terminal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.OptionSpec;
import picocli.shell.jline3.PicocliCommands;

/**
 * The interactive shell: a JLine line reader over a JLine {@link SystemRegistryImpl} that runs
 * the same picocli command tree as the command line ({@link Main#commandLine()}), a fresh tree
 * for every line so that no option value leaks from one command into the next. Completion comes
 * from picocli (commands, subcommands, options) and from {@link SelectorCompleter} (series in
 * the store). A failing command prints its {@code error:} line and the prompt comes back;
 * Ctrl-C interrupts the running command, or drops the line being typed; Ctrl-D or
 * {@code exit} leaves.
 */
public final class ForewarnShell {

    private static final Logger LOG = LoggerFactory.getLogger(ForewarnShell.class);
    private static final String PROMPT = "forewarn> ";
    private final Path storePath;
    /** The shell's terminal while it runs, handed to the commands of every tree it builds. */
    private Terminal terminal;

    /** A shell whose commands use {@code storePath} unless a line says {@code --store}. */
    public ForewarnShell(Path storePath) {
        this.storePath = storePath;
    }

    /** Runs the read-eval loop until {@code exit} or end of input; returns the exit code. */
    public int run() throws IOException {
        DefaultParser parser = parser();
        Supplier<Path> workDir = () -> Path.of(System.getProperty("user.dir"));
        try (Terminal terminal = Terminals.system("forewarn")) {
            this.terminal = terminal;
            AtomicInteger lastExit = new AtomicInteger();
            // one tree serves completion and help; each line still runs on a fresh one
            CommandLine model = commandLine();
            FreshTreeCommands commands = new FreshTreeCommands(model, this::commandLine, lastExit);
            SystemRegistryImpl registry = new SystemRegistryImpl(parser, terminal, workDir, null);
            registry.setCommandRegistries(commands);
            registry.register("help", commands);
            SeriesKeyCache keys = new SeriesKeyCache(() -> StoreSeries.keys(storePath));
            LineReader reader = LineReaderBuilder.builder()
                    .appName("forewarn")
                    .terminal(terminal)
                    .parser(parser)
                    .completer(new AggregateCompleter(registry.completer(), new SelectorCompleter(model, keys),
                            new RuleIdCompleter(model, System.getenv())))
                    .variable(LineReader.HISTORY_FILE, historyFile(System.getenv()))
                    .variable(LineReader.HISTORY_FILE_SIZE, 10_000)
                    .variable(LineReader.LIST_MAX, 100)
                    // "!=" and "!~" belong to selectors, not to csh-style history expansion
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .option(LineReader.Option.INSERT_TAB, false)
                    .build();
            keys.loadInBackground();
            loop(terminal, registry, reader, keys, lastExit);
            return lastExit.get();
        } finally {
            this.terminal = null;
        }
    }

    private void loop(Terminal terminal, SystemRegistryImpl registry, LineReader reader, SeriesKeyCache keys, AtomicInteger lastExit) {
        while (true) {
            String line;
            try {
                registry.cleanUp();
                line = reader.readLine(PROMPT);
            } catch (UserInterruptException e) {
                Thread.interrupted(); // JLine interrupts this thread on SIGINT; the flag must not cancel the next line
                continue; // Ctrl-C on the prompt drops the line, as in bash
            } catch (EndOfFileException e) {
                terminal.writer().println();
                return;
            }
            if (line.isBlank()) {
                continue;
            }
            List<String> words = reader.getParser().parse(line, 0).words();
            if (words.get(0).equals("help") || words.get(0).equals("?")) {
                // picocli's help: the same command list and usage as 'forewarn --help'
                List<String> args = new ArrayList<>(words);
                args.set(0, "help");
                args.removeIf(String::isEmpty);
                lastExit.set(commandLine().execute(args.toArray(String[]::new)));
                continue;
            }
            Thread self = Thread.currentThread();
            Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, sig -> self.interrupt());
            try {
                registry.execute(line);
            } catch (EndOfFileException e) {
                return; // "exit"
            } catch (Exception e) {
                // an unknown command or a broken pipe: one error line, like a command's
                terminal.writer().println("error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                terminal.writer().flush();
                LOG.debug("shell line failed: {}", line, e);
                lastExit.set(1);
            } finally {
                terminal.handle(Terminal.Signal.INT, previous);
                if (Thread.interrupted()) {
                    terminal.writer().println("^C interrupted");
                    terminal.writer().flush();
                }
                keys.invalidate(); // a command may have added series (sample, import)
            }
        }
    }

    /** Single quotes group words; double quotes stay literal because selectors use them. */
    static DefaultParser parser() {
        DefaultParser parser = new DefaultParser();
        parser.setQuoteChars(new char[] {'\''});
        parser.setEofOnUnclosedQuote(true);
        return parser;
    }

    /**
     * A fresh command tree whose commands default to this shell's store, and know they run in
     * this shell ({@link InShell}: {@code top} draws on its terminal, {@code shell} refuses to nest).
     */
    CommandLine commandLine() {
        CommandLine cl = Main.commandLine();
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommand() instanceof InShell c) {
                c.inShell(terminal);
            }
        }
        IDefaultValueProvider base = cl.getDefaultValueProvider();
        String store = storePath.toString();
        cl.setDefaultValueProvider(arg -> {
            if (arg instanceof OptionSpec opt && opt.longestName().equals("--store")) {
                return store;
            }
            return base == null ? arg.defaultValue() : base.defaultValue(arg);
        });
        return cl;
    }

    /** {@code $XDG_STATE_HOME/forewarn/history}, {@code ~/.local/state/forewarn/history} when unset; created if missing. */
    static Path historyFile(Map<String, String> env) {
        String xdg = env.get("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "state");
        Path file = base.resolve("forewarn").resolve("history");
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            LOG.warn("cannot create {}: history is not kept ({})", file.getParent(), e.getMessage());
        }
        return file;
    }

    /**
     * picocli's registry, except that each line runs on a new command tree and its exit code is
     * kept: picocli resets annotated options between runs, but not a command's own fields.
     */
    static final class FreshTreeCommands extends PicocliCommands {
        private final Supplier<CommandLine> tree;
        private final AtomicInteger lastExit;

        FreshTreeCommands(CommandLine model, Supplier<CommandLine> tree, AtomicInteger lastExit) {
            super(model);
            this.tree = tree;
            this.lastExit = lastExit;
        }

        @Override
        public Object invoke(CommandSession session, String command, Object... args) {
            List<String> line = new ArrayList<>();
            line.add(command);
            for (Object a : args) {
                line.add(String.valueOf(a));
            }
            if (command.equals("shell")) {
                System.err.println("error: already in the forewarn shell; type the command without 'shell'");
                lastExit.set(2);
                return null;
            }
            lastExit.set(tree.get().execute(line.toArray(String[]::new)));
            return null;
        }

        @Override
        public Object execute(CommandSession session, String command, String[] args) {
            return invoke(session, command, (Object[]) args);
        }
    }
}
