package dev.shellcamp.explain;

import dev.shellcamp.guard.Syntax;
import dev.shellcamp.lesson.CheckSpec;
import dev.shellcamp.shell.CommandResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the learner did in a step, as the rules see it: the step's commands (oldest first), the
 * workspace (also HOME), the virtual environment active after the last command ("" for none), the
 * step's checks and the content files had when the step began ({@code snapshot}, by a check's
 * path; null when unknown or absent).
 */
public record Attempt(List<CommandResult> commands, Path workspace, String venv, List<CheckSpec> checks,
    Function<String, byte[]> snapshot) {
  private static final long MAX_READ = 256 * 1024;
  /**
   * The last line parsed, by the line's identity: most rules read it, and parsing it once for each
   * made the explainer 0.08 ms of every failed command (median, -Dshellcamp.trace=true). A record
   * keeps no state of its own, so the one entry lives here.
   */
  private static volatile Parsed lastParsed = new Parsed(null, List.of());

  private record Parsed(String line, List<Syntax.Command> commands) {}

  public Attempt {
    commands = List.copyOf(commands);
    checks = List.copyOf(checks);
  }

  Optional<CommandResult> last() {
    return commands.isEmpty() ? Optional.empty() : Optional.of(commands.get(commands.size() - 1));
  }

  /** The last line's simple commands; none when nothing ran. */
  List<Syntax.Command> parsed() {
    Optional<CommandResult> last = last();
    if (last.isEmpty()) {
      return List.of();
    }
    String line = last.get().line();
    Parsed p = lastParsed;
    if (p.line() != line) {
      p = new Parsed(line, List.copyOf(Syntax.commands(line)));
      lastParsed = p;
    }
    return p.commands();
  }

  String output() {
    return last().map(CommandResult::output).orElse("");
  }

  int exit() {
    return last().map(CommandResult::exitCode).orElse(0);
  }

  /** A path as the last command named it: from the directory it ran in, {@code ~} being the workspace. */
  Path path(String name) {
    if (name.equals("~") || name.startsWith("~/")) {
      return workspace.resolve(name.length() < 2 ? "" : name.substring(2));
    }
    String cwd = last().map(CommandResult::cwd).filter(c -> !c.isEmpty()).orElse(workspace.toString());
    return Path.of(cwd).resolve(name);
  }

  /** A small text file's content, or empty when it is missing, too big or unreadable. */
  Optional<String> read(Path f) {
    try {
      if (!Files.isRegularFile(f) || Files.size(f) > MAX_READ) {
        return Optional.empty();
      }
      return Optional.of(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The step's checks of one type. */
  List<CheckSpec> checks(String type) {
    return checks.stream().filter(c -> c.type().equals(type)).toList();
  }

  /** Whether a check of the step names {@code f} as a file it reads (not one that must be gone). */
  boolean needed(Path f) {
    for (CheckSpec c : checks) {
      String p = c.type().equals("file") && !c.flag("absent") ? c.string("path")
          : c.type().equals("java") ? c.string("file") : null;
      if (p != null && !p.isEmpty() && workspace.resolve(p.replaceFirst("^~/?", "")).normalize().equals(f.normalize())) {
        return true;
      }
    }
    return false;
  }
}
