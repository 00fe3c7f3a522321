package dev.shellcamp.cli;

import dev.shellcamp.repl.Repl;
import dev.shellcamp.ui.PlainMode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** `shellcamp`: the REPL at the lesson menu. */
@Command(name = "shellcamp", mixinStandardHelpOptions = true, version = "shellcamp 0.1.0",
    description = "A terminal tutor: learn Linux, Python, Docker, debugging and MLOps by typing real commands.",
    subcommands = {StartCommand.class, ListCommand.class, ProgressCommand.class, ResetCommand.class,
        LintCommand.class, VerifyCommand.class, DoctorCommand.class, MonitorCommand.class, LabCommand.class, ClassCommand.class, CompletionCommand.class})
public final class RootCommand implements Callable<Integer> {
  private final Env env;

  @Option(names = "--lang", scope = ScopeType.INHERIT, description = "en or ko (default: saved choice, then LANG)")
  String lang = null;

  @Option(names = "--plain", scope = ScopeType.INHERIT,
      description = "plain text for screen readers and logs: no colour, glyphs, status row or redrawing (also SHELLCAMP_PLAIN=1)")
  boolean plain;

  @Option(names = "--bell", scope = ScopeType.INHERIT, description = "ring the terminal bell when a step passes or a check fails")
  boolean bell;

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
    return new Repl(env.terminal().get(), env.catalog(progress.seed()), env.store(), env.caps(), lang,
        PlainMode.of(plain, bell)).run(lessonId);
  }
}
