package dev.shellcamp.explain;

import static dev.shellcamp.explain.Rule.fires;
import static dev.shellcamp.explain.Rule.silent;

import dev.shellcamp.guard.Syntax;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Mistakes with Python tooling: pip outside the project's venv, {@code python} where only python3 is. */
final class PythonRules {
  private PythonRules() {}

  static List<Rule> all() {
    return List.of(new Rule("pip-outside-venv", PythonRules::pipOutsideVenv), new Rule("python-is-python3", PythonRules::python3));
  }

  /** {@code pip install} with no venv active while the project has one: it went (or tried to go) elsewhere. */
  static Optional<List<String>> pipOutsideVenv(Attempt a) {
    if (!a.venv().isEmpty()) {
      return silent();
    }
    for (Syntax.Command c : a.parsed()) {
      List<String> w = Words.run(c);
      String prog = Words.program(c);
      boolean pip = prog.matches("pip3?(\\.\\d+)?") && !w.get(0).contains("/")
          || prog.matches("python3?(\\.\\d+)?") && w.size() > 2 && w.get(1).equals("-m") && w.get(2).equals("pip");
      if (pip && w.contains("install")) {
        Optional<Path> venv = venvNear(a);
        if (venv.isPresent()) {
          return fires(venv.get().toString());
        }
      }
    }
    return silent();
  }

  /** A venv folder in the directory the command ran in or in the workspace, as the learner would name it. */
  private static Optional<Path> venvNear(Attempt a) {
    for (Path dir : List.of(a.path("."), a.workspace())) {
      try (Stream<Path> s = Files.list(dir)) {
        Optional<Path> v = s.filter(d -> Files.isRegularFile(d.resolve("pyvenv.cfg")) && Files.exists(d.resolve("bin/activate")))
            .sorted().findFirst();
        if (v.isPresent()) {
          return Optional.of(dir.normalize().relativize(v.get().normalize()));
        }
      } catch (IOException e) {
        // no such directory: look in the next
      }
    }
    return Optional.empty();
  }

  /** {@code python} or {@code pip} not found where {@code python3} is installed. */
  static Optional<List<String>> python3(Attempt a) {
    if (a.exit() != 127) {
      return silent();
    }
    for (Syntax.Command c : a.parsed()) {
      String prog = Words.program(c);
      if ((prog.equals("python") || prog.equals("pip")) && a.output().contains(prog + ": command not found")
          && onPath(prog + "3")) {
        return fires(prog, prog + "3");
      }
    }
    return silent();
  }

  private static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    return Stream.of(path.split(File.pathSeparator)).anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program)));
  }
}
