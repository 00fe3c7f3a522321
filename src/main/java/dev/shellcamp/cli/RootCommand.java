package dev.shellcamp.cli;

import dev.shellcamp.repl.Repl;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** `shellcamp`: the REPL at the lesson menu. */
@Command(name = "shellcamp", mixinStandardHelpOptions = true, version = "shellcamp 0.1.0",
    description = "A terminal tutor: learn Linux, Python, Docker, debugging and MLOps by typing real commands.",
    subcommands = {StartCommand.class, ListCommand.class, ProgressCommand.class, ResetCommand.class,
        LintCommand.class, VerifyCommand.class, DoctorCommand.class, MonitorCommand.class, LabCommand.class, CompletionCommand.class})
public final class RootCommand implements Callable<Integer> {
  private final Env env;

  @Option(names = "--lang", scope = ScopeType.INHERIT, description = "en or ko (default: saved choice, then LANG)")
  String lang = null;

  public RootCommand(Env env) {
    this.env = env;
  }

  Env env() {
    return env;
  }

  @Override
  public Integer call() {
    return repl(null);
  }

  int repl(String lessonId) {
    var progress = env.store().load();
    return new Repl(env.terminal().get(), env.catalog(progress.seed()), env.store(), env.caps(), lang).run(lessonId);
  }
}
