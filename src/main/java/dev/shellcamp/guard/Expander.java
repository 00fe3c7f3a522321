package dev.shellcamp.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Expands a typed word as bash does before running it: braces, tilde, parameters, command
 * substitution, word splitting, quote removal. Globs are kept as patterns (their matches are judged
 * by the directory they list). A command substitution's text is handed to {@code substitution}
 * first, since it runs; what it prints cannot be known, so the word becomes unknown.
 */
final class Expander {
  private final Scope scope;
  private final Consumer<String> substitution;

  Expander(Scope scope, Consumer<String> substitution) {
    this.scope = scope;
    this.substitution = substitution;
  }

  Scope scope() {
    return scope;
  }

  /** An argument: it may become several fields, or none. */
  List<Field> fields(String raw) {
    List<Field> out = new ArrayList<>();
    for (String alt : Braces.expand(raw)) {
      word(alt, new Fields(raw, true, out));
    }
    return out;
  }

  /** A word bash does not split: an assignment's value, a redirection's target. */
  Field single(String raw) {
    List<Field> out = new ArrayList<>();
    word(raw, new Fields(raw, false, out));
    if (out.size() == 1) {
      return out.get(0);
    }
    return out.stream().anyMatch(Field::unknown) ? Field.unknown(raw)
        : Field.literal(String.join(" ", out.stream().map(Field::text).toList()), raw);
  }

  /** A heredoc's text as the command reads it ($ and ` expanded, quotes plain characters); null when unknown. */
  String heredoc(String body) {
    List<Field> out = new ArrayList<>();
    Fields f = new Fields(body, false, out);
    quoted(body, 0, false, f);
    f.end();
    return out.isEmpty() ? "" : out.get(0).unknown() ? null : out.get(0).text();
  }

  /** Quote removal only, for showing a word's parts without expanding anything. */
  static String unquote(String raw) {
    StringBuilder b = new StringBuilder();
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      int j = c == '\'' ? Scan.single(raw, i) : c == '"' ? Scan.dbl(raw, i) : -2;
      if (c == '\\' && i + 1 < raw.length()) {
        b.append(raw.charAt(i + 1));
        i += 2;
      } else if (j != -2) {
        int end = j < 0 ? raw.length() : j;
        b.append(raw, i + 1, Math.max(i + 1, j < 0 ? end : end - 1));
        i = end;
      } else {
        b.append(c);
        i++;
      }
    }
    return b.toString();
  }

  private void word(String w, Fields f) {
    int i = tilde(w, 0, f);
    while (i < w.length()) {
      i = unquoted(w, i, f);
    }
    f.end();
  }

  /** The word of ${x:-word}, expanded where it stands. */
  void sub(String word, boolean quoted, Fields f) {
    if (quoted) {
      quoted(word.replace("\"", ""), 0, false, f);
      return;
    }
    int i = tilde(word, 0, f);
    while (i < word.length()) {
      i = unquoted(word, i, f);
    }
  }

  /** One unquoted part of a word from {@code i}; returns where the next part starts. */
  private int unquoted(String w, int i, Fields f) {
    char c = w.charAt(i);
    switch (c) {
      case '\'' -> {
        int j = Scan.single(w, i);
        f.text(w.substring(i + 1, j < 0 ? w.length() : j - 1));
        return j < 0 ? w.length() : j;
      }
      case '"' -> {
        f.present();
        return quoted(w, i + 1, true, f);
      }
      case '\\' -> {
        if (i + 1 < w.length()) {
          f.text(String.valueOf(w.charAt(i + 1)));
        }
        return i + 2;
      }
      case '$' -> {
        return dollar(w, i, false, f);
      }
      case '`' -> {
        return backtick(w, i, f);
      }
      case '*', '?', '[' -> {
        f.glob(c);
        return i + 1;
      }
      case '<', '>' -> {
        if (i + 1 < w.length() && w.charAt(i + 1) == '(') {
          int j = Scan.nested(w, i + 1, '(', ')');
          substitution.accept(w.substring(i + 2, j < 0 ? w.length() : j - 1));
          f.text("/dev/fd/63");
          return j < 0 ? w.length() : j;
        }
        f.text(String.valueOf(c));
        return i + 1;
      }
      case '=' -> {
        f.text("=");
        // export d=~/x: bash expands a tilde after the = of an assignment-like word
        return Parser.isAssignment(w.substring(0, i + 1)) ? tilde(w, i + 1, f) : i + 1;
      }
      default -> {
        f.text(String.valueOf(c));
        return i + 1;
      }
    }
  }

  /** Text inside double quotes from {@code from} (or a heredoc's, which has no closing quote); returns the index after it. */
  private int quoted(String w, int from, boolean closes, Fields f) {
    int j = from;
    while (j < w.length()) {
      char c = w.charAt(j);
      if (c == '"' && closes) {
        return j + 1;
      }
      if (c == '\\' && j + 1 < w.length() && "$`\"\\\n".indexOf(w.charAt(j + 1)) >= 0) {
        f.text(String.valueOf(w.charAt(j + 1)));
        j += 2;
      } else if (c == '$') {
        j = dollar(w, j, true, f);
      } else if (c == '`') {
        j = backtick(w, j, f);
      } else {
        f.text(String.valueOf(c));
        j++;
      }
    }
    return w.length();
  }

  private int backtick(String w, int i, Fields f) {
    int j = Scan.backtick(w, i);
    String body = w.substring(i + 1, j < 0 ? w.length() : j - 1);
    substitution.accept(body.replaceAll("\\\\([$`\\\\])", "$1"));
    f.unknown();
    return j < 0 ? w.length() : j;
  }

  private int dollar(String w, int i, boolean quoted, Fields f) {
    int n = w.length();
    char c = i + 1 < n ? w.charAt(i + 1) : ' ';
    if (c == '(' || c == '{' || c == '\'' && !quoted) {
      int j = c == '\'' ? Scan.ansi(w, i + 1) : Scan.nested(w, i + 1, c, c == '(' ? ')' : '}');
      int end = j < 0 ? n : j;
      String inside = w.substring(Math.min(i + 2, end), Math.max(i + 2, end - 1));
      if (c == '{') {
        Params.expand(inside, quoted, f, this);
      } else if (c == '\'') {
        f.text(ansiC(inside));
      } else if (w.startsWith("((", i + 1)) {
        f.text("0"); // arithmetic: a number, never a path
      } else {
        substitution.accept(inside);
        f.unknown();
      }
      return end;
    }
    if (c == '"' && !quoted) {
      f.present();
      return quoted(w, i + 2, true, f);
    }
    if (Character.isLetter(c) || c == '_') {
      int j = i + 1;
      while (j < n && (Character.isLetterOrDigit(w.charAt(j)) || w.charAt(j) == '_')) {
        j++;
      }
      f.value(scope.lookup(w.substring(i + 1, j)), quoted, Fields.Mode.SCALAR);
      return j;
    }
    if (Character.isDigit(c) || "@*#?-$!".indexOf(c) >= 0) {
      Fields.Mode mode = c == '@' ? Fields.Mode.SEPARATE : c == '*' ? Fields.Mode.JOINED : Fields.Mode.SCALAR;
      f.value(scope.lookup(String.valueOf(c)), quoted, mode);
      return i + 2;
    }
    f.text("$");
    return i + 1;
  }

  /** ~, ~/x, ~+ at the start of a word (or after an assignment's =); another user's ~name is not known here. */
  private int tilde(String w, int i, Fields f) {
    if (i >= w.length() || w.charAt(i) != '~') {
      return i;
    }
    int j = w.indexOf('/', i);
    j = j < 0 ? w.length() : j;
    String user = w.substring(i + 1, j);
    if (!user.matches("[A-Za-z0-9._+-]*")) {
      return i;
    }
    Value v = switch (user) {
      case "" -> scope.lookup("HOME");
      case "+" -> scope.lookup("PWD");
      case "-" -> scope.lookup("OLDPWD");
      case "root" -> Value.of("/root");
      default -> Value.UNKNOWN;
    };
    if (v.state() == Value.State.SET) {
      f.text(v.scalar());
    } else {
      f.unknown();
    }
    return j;
  }

  static String ansiC(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        b.append(c);
        continue;
      }
      char e = s.charAt(++i);
      b.append(switch (e) {
        case 'n' -> '\n';
        case 't' -> '\t';
        case 'r' -> '\r';
        case 'e', 'E' -> '\u001b';
        default -> e;
      });
    }
    return b.toString();
  }
}
