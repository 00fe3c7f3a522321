package dev.shellcamp.check;

import dev.shellcamp.shell.CommandResult;
import dev.shellcamp.snippet.JavaEngine;
import dev.shellcamp.ui.Messages;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What checks may look at: the workspace, the learner's last command and shell, the quiz answer. */
public interface Context {
  Path workspace();

  /** The last command run since the step began, if any. */
  Optional<CommandResult> last();

  /** Every line typed since the step began, oldest first. */
  List<String> typed();

  String cwd();

  /** A variable in the learner's shell. */
  Variable variable(String name);

  /** The learner's latest {@code :answer}, if any since the step began. */
  Optional<String> answer();

  /** A file's content when the step began, for {@code unchanged}; null if it did not exist. */
  byte[] snapshot(String path);

  /** Environment for one-shot scripts: HOME, the session marker. */
  java.util.Map<String, String> scriptEnv();

  Messages messages();

  /** A path a lesson names: absolute as it is, else in the workspace, which is also HOME ({@code ~}). */
  default Path path(String p) {
    return resolveIn(workspace(), p);
  }

  /** The one rule for lesson paths, shared with the step's file snapshots. */
  static Path resolveIn(Path workspace, String p) {
    return p.startsWith("/") ? Path.of(p) : workspace.resolve(p.replaceFirst("^~(/|$)", ""));
  }

  /**
   * Whether {@code p} resolves inside the workspace. Lint already refuses paths that leave it;
   * this keeps a check from reading outside even for a lesson that was never linted.
   */
  static boolean inWorkspace(Path workspace, String p) {
    Path ws = workspace.toAbsolutePath().normalize();
    return resolveIn(ws, p).toAbsolutePath().normalize().startsWith(ws);
  }

  /** Where Java exercises run; a lesson owns one and closes it at its end. */
  default JavaEngine java() {
    return JavaEngine.shared(workspace());
  }

  /** The state of a shell variable: unset, or set with bash's attribute letters and a value. */
  record Variable(boolean set, String attributes, String value) {
    public boolean exported() {
      return attributes.contains("x");
    }
  }
}
