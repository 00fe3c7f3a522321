package dev.shellcamp.cli;

import dev.shellcamp.classlink.ClassConnection;
import dev.shellcamp.classlink.JoinFailure;
import dev.shellcamp.repl.Repl;
import dev.shellcamp.ui.PlainMode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** `shellcamp`: the REPL at the lesson menu. */
@Command(name = "shellcamp", mixinStandardHelpOptions = true, version = "shellcamp 0.1.0",
    description = "A terminal tutor: learn Linux, Python, Docker, debugging and MLOps by typing real commands.",
    subcommands = {StartCommand.class, ListCommand.class, ProgressCommand.class, ResetCommand.class,
        LintCommand.class, VerifyCommand.class, DoctorCommand.class, MonitorCommand.class, LabCommand.class, ClassCommand.class, CompletionCommand.class})
public final class RootCommand implements Callable<Integer> {
  private final Env env;
  /** Null when Main runs the bare `shellcamp` without picocli. */
  @Spec CommandSpec spec;

  @Option(names = "--lang", scope = ScopeType.INHERIT, description = "en or ko (default: saved choice, then LANG)")
  String lang = null;

  @Option(names = "--plain", scope = ScopeType.INHERIT,
      description = "plain text for screen readers and logs: no colour, glyphs, status row or redrawing (also SHELLCAMP_PLAIN=1)")
  boolean plain;

  @Option(names = "--bell", scope = ScopeType.INHERIT, description = "ring the terminal bell when a step passes or a check fails")
  boolean bell;

  @Option(names = "--class", paramLabel = "URL", scope = ScopeType.INHERIT,
      description = "join the class server at URL (the instructor's `shellcamp class serve`); stays joined until :class leave")
  String classUrl = null;

  @Option(names = "--code", paramLabel = "CODE", scope = ScopeType.INHERIT, description = "the class code, with --class")
  String classCode = null;

  @Option(names = "--name", paramLabel = "NAME", scope = ScopeType.INHERIT,
      description = "your name in the class, with --class (default: the name you joined with before)")
  String className = null;

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

  /**
   * `shellcamp start LESSON`: StartCommand's body, and Main's way in when that is the whole
   * command line (picocli's model of every subcommand costs ~100 ms to build).
   */
  public int start(String id) {
    // the ids are the same under every seed: the catalog Main began loading for the learner's serves
    if (!env.catalog(Env.ANY_SEED).lessonIds().contains(id)) {
      err().println(Env.messages(lang, null).get("start.unknown", id));
      return ExitCodes.USAGE;
    }
    return repl(id);
  }

  int repl(String lessonId) {
    var progress = env.store().load();
    dev.shellcamp.trace.Phases.mark("progress loaded");
    ClassConnection classes = env.classes().get();
    dev.shellcamp.trace.Phases.mark("class link open");
    try {
      String given = System.getenv("SHELLCAMP_CLASS_LINK");
      if (classUrl != null) {
        var m = Env.messages(lang, progress.lang());
        classes.join(classUrl, classCode, className, m.lang(), m);
      } else if (given != null && !given.isBlank()) {
        // a sandbox made by the class server: it enrolled this learner and says where to send events
        classes.adopt(given, Env.messages(lang, progress.lang()));
      } else if (classCode != null || className != null) {
        err().println(Env.messages(lang, progress.lang()).get("class.join.no-url"));
        return ExitCodes.USAGE;
      }
      return new Repl(env.terminal().get(), env.catalog(progress.seed()), env.store(), progress, env.caps(), lang,
          PlainMode.of(plain, bell), classes).run(lessonId);
    } catch (JoinFailure e) {
      err().println(e.getMessage());
      return e.noClass() ? ExitCodes.ENVIRONMENT : ExitCodes.USAGE;
    } finally {
      classes.close();
    }
  }

  private PrintWriter err() {
    return spec != null ? spec.commandLine().getErr() : new PrintWriter(System.err, true);
  }
}
