package dev.shellcamp.repl;

import dev.shellcamp.guard.Danger;
import dev.shellcamp.guard.Guard;
import dev.shellcamp.guard.ShellVars;
import dev.shellcamp.ui.Messages;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The REPL's side of the danger guard: asks {@link Guard} about a line before the learner's shell
 * runs it, and words the answer. A seat belt, not a sandbox.
 */
final class DangerGuard {
  private DangerGuard() {}

  static Optional<Danger> judge(String line, Path cwd, Path workspace, ShellVars shell) {
    return Guard.judge(line, cwd, workspace, shell);
  }

  /** The message key explaining the danger, or empty when the line looks safe (no shell to ask). */
  static Optional<String> assess(String line, Path cwd, Path workspace) {
    return judge(line, cwd, workspace, ShellVars.none()).map(Danger::key);
  }

  /** What would run and on what, then why that matters. */
  static String explain(Danger d, Messages messages) {
    String from = d.from().isEmpty() ? "" : messages.get("danger.from", d.from());
    return messages.get(d.what(), d.command(), d.path(), from) + " " + messages.get(d.key());
  }

  static List<List<String>> commands(String line) {
    return Guard.words(line);
  }
}
