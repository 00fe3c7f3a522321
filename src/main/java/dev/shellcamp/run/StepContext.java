package dev.shellcamp.run;

import dev.shellcamp.check.Context;
import dev.shellcamp.shell.CommandResult;
import dev.shellcamp.shell.PtyShell;
import dev.shellcamp.snippet.JavaEngine;
import dev.shellcamp.ui.Messages;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a step's checks see: the workspace, the lines typed and the last command since the step
 * began, the quiz answer, the files as they were when it began, and the learner's shell for its
 * directory, its variables and the session marker. {@link LessonRun} keeps one and records into
 * it. Tests build one without a shell: a subclass that answers {@link #cwd}, {@link #variable}
 * and {@link #scriptEnv} itself.
 */
public class StepContext implements Context {
  private static final int RECENT = 20;
  private final Path workspace;
  private final PtyShell shell;
  private final Messages messages;
  private final Supplier<JavaEngine> java;
  private final StepLog log;

  /** What the learner did in the step; shared by the views that differ only in {@link #messages}. */
  private static final class StepLog {
    final List<String> typed = new ArrayList<>();
    /** The step's last commands with what they printed, for the misconception explainer. */
    final List<CommandResult> commands = new ArrayList<>();
    CommandResult last;
    String answer;
    final Map<String, byte[]> snapshots = new HashMap<>();
  }

  /** {@code shell} may be null only in a subclass that overrides the three methods that use it. */
  protected StepContext(Path workspace, PtyShell shell, Messages messages, Supplier<JavaEngine> java) {
    this(workspace, shell, messages, java, new StepLog());
  }

  private StepContext(Path workspace, PtyShell shell, Messages messages, Supplier<JavaEngine> java, StepLog log) {
    this.workspace = workspace;
    this.shell = shell;
    this.messages = messages;
    this.java = java;
    this.log = log;
  }

  /** The same step seen with reasons rendered by {@code m}; what one records, the other sees. */
  StepContext in(Messages m) {
    return new StepContext(workspace, shell, m, java, log);
  }

  /** A command line the learner ran: it is typed, and it is the last command. */
  public void ran(CommandResult r) {
    log.typed.add(r.line());
    log.last = r;
    if (log.commands.size() == RECENT) {
      log.commands.remove(0);
    }
    log.commands.add(r);
  }

  /** The step's latest commands (up to {@value #RECENT}), oldest first. */
  public List<CommandResult> commands() {
    return List.copyOf(log.commands);
  }


  /** The learner's {@code :answer}. */
  public void answer(String text) {
    log.answer = text;
  }

  /** The content of {@code path} as the step began; null when it was not there. */
  public void snapshot(String path, byte[] content) {
    log.snapshots.put(path, content);
  }

  /** Forgets what was typed and answered (a new attempt), keeping the step's snapshots. */
  void forgetAttempt() {
    log.typed.clear();
    log.commands.clear();
    log.last = null;
    log.answer = null;
  }

  /** Forgets everything: a new step. */
  void forgetStep() {
    forgetAttempt();
    log.snapshots.clear();
  }

  @Override
  public Path workspace() {
    return workspace;
  }

  @Override
  public Optional<CommandResult> last() {
    return Optional.ofNullable(log.last);
  }

  @Override
  public List<String> typed() {
    return List.copyOf(log.typed);
  }

  @Override
  public String cwd() {
    return shell.cwd();
  }

  @Override
  public Variable variable(String name) {
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      return new Variable(false, "", "");
    }
    try {
      String out = shell.query("if [[ -v " + name + " ]]; then printf 'set\\n%s\\n%s' \"${" + name
          + "@a}\" \"$" + name + "\"; fi", Duration.ofSeconds(5)).output();
      if (!out.startsWith("set\n")) {
        return new Variable(false, "", "");
      }
      String rest = out.substring(4);
      int nl = rest.indexOf('\n');
      return new Variable(true, rest.substring(0, nl), rest.substring(nl + 1));
    } catch (IOException e) {
      return new Variable(false, "", "");
    }
  }

  @Override
  public Optional<String> answer() {
    return Optional.ofNullable(log.answer);
  }

  @Override
  public byte[] snapshot(String path) {
    return log.snapshots.get(path);
  }

  @Override
  public Map<String, String> scriptEnv() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("HOME", workspace.toString());
    env.put("SHELLCAMP_SESSION", shell.sessionKey());
    env.put("PWD", workspace.toString());
    return env;
  }

  @Override
  public Messages messages() {
    return messages;
  }

  @Override
  public JavaEngine java() {
    return java.get();
  }
}
