package dev.forewarn.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;

/**
 * Writes the shell completion scripts for the whole command tree at build time (the
 * {@code package} phase runs this): {@code forewarn.bash}, picocli's bash completion, and
 * {@code forewarn.zsh}, the same script behind zsh's {@code bashcompinit}, which is how picocli
 * supports zsh. {@code scripts/install} puts them where bash-completion and zsh look.
 */
public final class CompletionScripts {

    private CompletionScripts() {
    }

    /** {@code CompletionScripts DIR}: writes DIR/forewarn.bash and DIR/forewarn.zsh. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/completion");
        Files.createDirectories(dir);
        String bash = bash();
        Files.writeString(dir.resolve("forewarn.bash"), bash, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("forewarn.zsh"), zsh(bash), StandardCharsets.UTF_8);
    }

    /** picocli's bash completion script for the command tree that {@link Main} runs. */
    static String bash() {
        return AutoComplete.bash("forewarn", Main.commandLine());
    }

    /** The bash script made loadable by zsh: {@code source} it from ~/.zshrc. */
    static String zsh(String bash) {
        return """
                # zsh completion for forewarn: source this file from ~/.zshrc.
                # It loads zsh's bash-completion emulation, then picocli's bash completion.
                autoload -U +X compinit && compinit
                autoload -U +X bashcompinit && bashcompinit
                """ + bash;
    }
}
