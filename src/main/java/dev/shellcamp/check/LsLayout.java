package dev.shellcamp.check;

import dev.shellcamp.guard.Syntax;
import dev.shellcamp.ui.Width;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code ls} printed on the learner's terminal, read as the list of names a pipe would have
 * shown one per line. On a terminal ls lays names out in columns (down the columns by default,
 * across with {@code -x}), quotes names with spaces ({@code 'a b'}) and, with {@code -F} or
 * {@code -p}, marks each name's type ({@code dir/}, {@code run.sh*}). A lesson's expected
 * lines are what the learner would see through a pipe, so a correct {@code ls} must not fail
 * on the layout alone.
 *
 * <p>Read this way only when the line ran {@code ls} with its output on the terminal, and only
 * when every line of the output is a row of names at least two columns apart, as ls separates
 * them: {@code echo a b c}, {@code paste -s} and {@code ls -l} are never read as columns. A type
 * mark is dropped only where the file system agrees (a {@code /} after a directory that is
 * there). Order, missing and extra names still count.
 */
final class LsLayout {
  private static final Set<String> LISTERS = Set.of("ls", "dir");
  private static final Set<String> WRAPPERS = Set.of("command", "sudo", "nice", "time", "env");
  private static final int TAB = 8;

  private LsLayout() {}

  /**
   * The names, in each order ls could have laid them out (down the columns, then across the
   * rows), each also with type marks dropped where the files agree; empty when the output is
   * not an ls listing on the terminal.
   */
  static List<List<String>> readings(String line, String output, Path cwd, Path home) {
    List<List<String>> dirs = listings(line);
    if (dirs.isEmpty()) {
      return List.of();
    }
    List<List<String>> rows = new ArrayList<>();
    for (String l : output.split("\n")) {
      if (l.isBlank()) {
        continue;
      }
      Optional<List<String>> row = row(l);
      if (row.isEmpty()) {
        return List.of();
      }
      rows.add(row.get());
    }
    Set<List<String>> out = new LinkedHashSet<>();
    for (List<String> order : List.of(down(rows), across(rows))) {
      out.add(order);
      out.add(order.stream().map(n -> unmarked(n, cwd, home, dirs)).toList());
    }
    return List.copyOf(out);
  }

  /** For each ls writing to the terminal, the directories it lists (its arguments, or "."). */
  private static List<List<String>> listings(String line) {
    List<List<String>> out = new ArrayList<>();
    for (Syntax.Command c : Syntax.commands(line)) {
      List<String> w = c.words();
      int i = 0;
      while (i < w.size() - 1 && WRAPPERS.contains(w.get(i))) {
        i++;
      }
      if (i < w.size() && LISTERS.contains(w.get(i).replaceFirst(".*/", "")) && c.toTerminal()) {
        List<String> args = w.subList(i + 1, w.size()).stream().filter(a -> !a.startsWith("-")).toList();
        out.add(args.isEmpty() ? List.of(".") : args);
      }
    }
    return out;
  }

  /** One row of names, or empty when two of them are less than two columns apart (not ls's layout). */
  static Optional<List<String>> row(String line) {
    List<String> names = new ArrayList<>();
    int i = 0;
    int col = 0;
    while (i < line.length()) {
      int gap = col;
      boolean tab = false;
      while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
        tab |= line.charAt(i) == '\t';
        col = line.charAt(i) == '\t' ? (col / TAB + 1) * TAB : col + 1;
        i++;
      }
      if (i >= line.length()) {
        break;
      }
      if (!names.isEmpty() && !tab && col - gap < 2) {
        return Optional.empty();
      }
      int end = nameEnd(line, i);
      String raw = line.substring(i, end);
      col += Width.of(raw);
      String name = unquote(raw);
      // ls quotes only names that need it: quotes around any other name are the learner's (ls -Q)
      names.add(needsQuotes(name) ? name : raw);
      i = end;
    }
    return Optional.of(names);
  }

  /** Whether ls's shell quoting would quote {@code name}: blanks, controls, shell syntax. */
  static boolean needsQuotes(String name) {
    if (name.startsWith("#") || name.startsWith("~")) {
      return true;
    }
    return name.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
        || "!\"$&'()*;<>?[\\]^`{|}".indexOf(c) >= 0);
  }

  /** Where a name ends: at a space or tab outside ls's quotes. */
  private static int nameEnd(String s, int i) {
    while (i < s.length() && s.charAt(i) != ' ' && s.charAt(i) != '\t') {
      char c = s.charAt(i);
      if (c == '\'' || c == '"') {
        int close = c == '\'' ? s.indexOf('\'', i + 1) : closing(s, i + 1, c);
        i = close < 0 ? s.length() : close + 1;
      } else {
        i++;
      }
    }
    return i;
  }

  private static int closing(String s, int from, char quote) {
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) == '\\') {
        i++;
      } else if (s.charAt(i) == quote) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A name as ls's shell quoting wrote it ({@code 'a b'}, {@code "it's"}, {@code 'a'$'\t''b'},
   * {@code 'it'\''s'}) back to the name; a name without quotes is as it is.
   */
  static String unquote(String raw) {
    if (raw.indexOf('\'') < 0 && raw.indexOf('"') < 0) {
      return raw;
    }
    StringBuilder b = new StringBuilder();
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (c == '$' && i + 1 < raw.length() && raw.charAt(i + 1) == '\'') {
        i = quoted(raw, i + 2, closing(raw, i + 2, '\''), true, b);
      } else if (c == '\'') {
        i = quoted(raw, i + 1, raw.indexOf('\'', i + 1), false, b);
      } else if (c == '"') {
        i = quoted(raw, i + 1, closing(raw, i + 1, '"'), true, b);
      } else if (c == '\\' && i + 1 < raw.length()) {
        b.append(raw.charAt(i + 1));
        i += 2;
      } else {
        b.append(c);
        i++;
      }
    }
    return b.toString();
  }

  /** Appends the quoted text from {@code start} to {@code close} (-1: the end); returns where reading goes on. */
  private static int quoted(String raw, int start, int close, boolean escaped, StringBuilder b) {
    String body = raw.substring(start, close < 0 ? raw.length() : close);
    b.append(escaped ? Syntax.ansiC(body) : body);
    return close < 0 ? raw.length() : close + 1;
  }

  /** Down each column in turn: ls's default order; a row of a short last column ends early. */
  private static List<String> down(List<List<String>> rows) {
    List<String> out = new ArrayList<>();
    int cols = rows.stream().mapToInt(List::size).max().orElse(0);
    for (int k = 0; k < cols; k++) {
      for (List<String> r : rows) {
        if (k < r.size()) {
          out.add(r.get(k));
        }
      }
    }
    return out;
  }

  private static List<String> across(List<List<String>> rows) {
    return rows.stream().flatMap(List::stream).toList();
  }

  /** {@code name} without ls's type mark when the file it names is of that type. */
  private static String unmarked(String name, Path cwd, Path home, List<List<String>> dirs) {
    if (name.length() < 2 || "/*@|=".indexOf(name.charAt(name.length() - 1)) < 0) {
      return name;
    }
    String bare = name.substring(0, name.length() - 1);
    char mark = name.charAt(name.length() - 1);
    for (List<String> listed : dirs) {
      for (String d : listed) {
        if (marks(cwd, Context.resolveIn(home, d.startsWith("~") ? d : cwd.resolve(d).toString()), bare, mark)) {
          return bare;
        }
      }
    }
    return name;
  }

  private static boolean marks(Path cwd, Path base, String bare, char mark) {
    try {
      Path f = Files.isDirectory(base) ? base.resolve(bare) : cwd.resolve(bare);
      BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return switch (mark) {
        case '/' -> a.isDirectory();
        case '*' -> a.isRegularFile() && Files.isExecutable(f);
        case '@' -> a.isSymbolicLink();
        default -> a.isOther();
      };
    } catch (java.io.IOException | InvalidPathException e) {
      return false;
    }
  }
}
