package dev.shellcamp.guard;

/** ${...}: the forms a learner meets (defaults, lengths, a literal suffix or prefix cut); anything cleverer is unknown. */
final class Params {
  private Params() {}

  static void expand(String in, boolean quoted, Fields f, Expander ex) {
    Scope scope = ex.scope();
    if (in.startsWith("#") && in.length() > 1) {
      f.text("0"); // a length: a number, never a path
      return;
    }
    int k = nameEnd(in);
    if (k == 0 || in.startsWith("!")) {
      f.unknown();
      return;
    }
    String name = in.substring(0, k);
    String rest = in.substring(k);
    Fields.Mode mode = name.equals("@") ? Fields.Mode.SEPARATE : name.equals("*") ? Fields.Mode.JOINED : Fields.Mode.SCALAR;
    Value v = scope.lookup(name);
    if (rest.startsWith("[")) {
      int close = rest.indexOf(']');
      String index = close < 0 ? "" : rest.substring(1, close);
      rest = close < 0 ? "" : rest.substring(close + 1);
      if (index.equals("@") || index.equals("*")) {
        mode = index.equals("@") ? Fields.Mode.SEPARATE : Fields.Mode.JOINED;
      } else if (index.matches("\\d{1,4}") && v.state() == Value.State.SET) {
        int at = Integer.parseInt(index);
        v = at < v.elems().size() ? Value.of(v.elems().get(at)) : Value.UNSET;
      } else if (v.state() != Value.State.UNSET) {
        v = Value.UNKNOWN;
      }
    }
    if (rest.isEmpty()) {
      f.value(v, quoted, mode);
    } else {
      operator(name, v, rest, quoted, mode, f, ex);
    }
  }

  private static int nameEnd(String in) {
    if (in.isEmpty()) {
      return 0;
    }
    char c = in.charAt(0);
    if (Character.isLetter(c) || c == '_') {
      int k = 1;
      while (k < in.length() && (Character.isLetterOrDigit(in.charAt(k)) || in.charAt(k) == '_')) {
        k++;
      }
      return k;
    }
    if (Character.isDigit(c)) {
      int k = 1;
      while (k < in.length() && Character.isDigit(in.charAt(k))) {
        k++;
      }
      return k > 5 ? 0 : k;
    }
    return "@*#?-$!".indexOf(c) >= 0 ? 1 : 0;
  }

  private static void operator(String name, Value v, String rest, boolean quoted, Fields.Mode mode, Fields f,
      Expander ex) {
    boolean colon = rest.startsWith(":");
    String op = colon ? rest.substring(0, Math.min(2, rest.length())) : rest.substring(0, 1);
    String word = rest.substring(op.length());
    if (v.state() == Value.State.UNKNOWN) {
      f.unknown();
      return;
    }
    boolean present = v.state() == Value.State.SET && !(colon && String.join("", v.elems()).isEmpty());
    switch (op.charAt(op.length() - 1)) {
      case '-', '=' -> {
        if (present) {
          f.value(v, quoted, mode);
        } else {
          ex.sub(word, quoted, f);
          if (op.endsWith("=")) {
            ex.scope().vars.put(name, Value.UNKNOWN);
          }
        }
      }
      case '+' -> {
        if (present) {
          ex.sub(word, quoted, f);
        }
      }
      case '?' -> f.value(v, quoted, mode);
      case '%', '#' -> trim(v, rest, quoted, f);
      default -> {
        if (v.state() == Value.State.SET) {
          f.unknown();
        }
      }
    }
  }

  /** ${d%/} and ${d#./} with a literal pattern; a glob pattern is unknown. */
  private static void trim(Value v, String rest, boolean quoted, Fields f) {
    boolean suffix = rest.startsWith("%");
    String pattern = rest.replaceFirst("^(%%|%|##|#)", "");
    if (v.state() == Value.State.UNSET) {
      return;
    }
    if (pattern.matches(".*[*?\\[$`'\"\\\\].*")) {
      f.unknown();
      return;
    }
    String s = v.scalar();
    if (suffix && s.endsWith(pattern)) {
      s = s.substring(0, s.length() - pattern.length());
    } else if (!suffix && s.startsWith(pattern)) {
      s = s.substring(pattern.length());
    }
    f.value(Value.of(s), quoted, Fields.Mode.SCALAR);
  }
}
