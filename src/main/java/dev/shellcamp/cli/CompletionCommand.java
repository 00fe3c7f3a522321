package dev.shellcamp.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "completion", mixinStandardHelpOptions = true,
    description = "Print a shell completion script: source <(shellcamp completion bash)")
final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "bash (zsh works through bashcompinit)")
  String shell = "bash";

  @Override
  public Integer call() {
    if (!shell.equals("bash") && !shell.equals("zsh")) {
      spec.commandLine().getErr().println("only bash (and zsh through bashcompinit) are supported");
      return ExitCodes.USAGE;
    }
    spec.commandLine().getOut().print(AutoComplete.bash("shellcamp", spec.root().commandLine()));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
