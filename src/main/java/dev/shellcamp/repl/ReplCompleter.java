package dev.shellcamp.repl;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: ':' commands (from the command table), then command names on PATH for the
 * first word, then file names relative to the learner's shell directory.
 */
final class ReplCompleter implements Completer {
  private final CommandTable table;
  private final Supplier<Path> cwd;
  private Set<String> pathCommands;

  ReplCompleter(CommandTable table, Supplier<Path> cwd) {
    this.table = table;
    this.cwd = cwd;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> out) {
    String word = line.word().substring(0, line.wordCursor());
    if (line.wordIndex() == 0 && word.startsWith(":")) {
      table.names().forEach(n -> out.add(new Candidate(":" + n, ":" + n, null, table.summary(n), null, null, true)));
      return;
    }
    if (line.wordIndex() == 1 && line.words().get(0).startsWith(":")) {
      table.arguments(line.words().get(0).substring(1)).forEach(a -> out.add(new Candidate(a)));
      return;
    }
    if (line.wordIndex() == 0 && !word.contains("/")) {
      commands().forEach(c -> out.add(new Candidate(c)));
      return;
    }
    files(word, out);
  }

  private void files(String word, List<Candidate> out) {
    Path base = cwd.get();
    String dirPart = word.contains("/") ? word.substring(0, word.lastIndexOf('/') + 1) : "";
    Path dir = dirPart.startsWith("/") ? Path.of(dirPart) : base.resolve(dirPart.replaceFirst("^~/", ""));
    File[] entries = dir.toFile().listFiles();
    if (entries == null) {
      return;
    }
    for (File f : entries) {
      String name = dirPart + f.getName();
      if (f.isDirectory()) {
        out.add(new Candidate(name + "/", f.getName() + "/", null, null, null, null, false));
      } else {
        out.add(new Candidate(name, f.getName(), null, null, null, null, true));
      }
    }
  }

  private Set<String> commands() {
    if (pathCommands == null) {
      Set<String> names = new TreeSet<>(List.of("cd", "export", "alias", "source", "history", "echo", "type",
          "unset", "exit", "jobs", "fg", "bg", "pwd", "read", "set", "test", "umask", "wait"));
      String path = System.getenv("PATH");
      if (path != null) {
        for (String d : path.split(":")) {
          File[] files = new File(d.isEmpty() ? "." : d).listFiles();
          if (files != null) {
            for (File f : files) {
              if (f.canExecute() && !f.isDirectory()) {
                names.add(f.getName());
              }
            }
          }
        }
      }
      pathCommands = names;
    }
    return pathCommands;
  }
}
