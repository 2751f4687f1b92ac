package io.mmf4j.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mmf completion}: prints a bash (and zsh) completion script that picocli generates from the commands. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Prints a bash/zsh completion script for mmf.",
                "Use it with: source <(./mmf completion)"})
final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(AutoComplete.bash("mmf", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
