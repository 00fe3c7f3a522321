package dev.shellcamp.guard;

import java.util.List;

/**
 * The fields one word becomes as its parts are expanded: quoted text joins the current field,
 * an unquoted expansion is split at blanks (when {@code split}), a substitution makes it unknown.
 */
final class Fields {
  enum Mode { SCALAR, SEPARATE, JOINED }

  private static final int MAX = 256;

  private final String raw;
  final boolean split;
  private final List<Field> out;
  private final StringBuilder cur = new StringBuilder();
  private int glob = -1;
  private boolean has;
  private boolean unknown;

  Fields(String raw, boolean split, List<Field> out) {
    this.raw = raw;
    this.split = split;
    this.out = out;
  }

  void text(String s) {
    cur.append(s);
    has = true;
  }

  /** An unquoted * ? or [: the field is a pattern from here on. */
  void glob(char c) {
    if (!split) {
      text(String.valueOf(c));
      return;
    }
    if (glob < 0) {
      glob = cur.length();
    }
    cur.append(c);
    has = true;
  }

  void unknown() {
    unknown = true;
    has = true;
  }

  /** A quoted part that is there even when empty (""), so the field exists. */
  void present() {
    has = true;
  }

  /** A parameter's value: "$@" makes one field per element; unquoted, it is split and globbed. */
  void value(Value v, boolean quoted, Mode mode) {
    if (v.state() == Value.State.UNKNOWN) {
      unknown();
      return;
    }
    List<String> elems = v.state() == Value.State.UNSET ? List.of() : mode == Mode.SCALAR ? List.of(v.scalar()) : v.elems();
    if (quoted && mode == Mode.SEPARATE) {
      for (int k = 0; k < elems.size(); k++) {
        if (k > 0) {
          end();
        }
        text(elems.get(k));
      }
      return;
    }
    String s = String.join(" ", elems);
    if (quoted || !split) {
      text(s);
      return;
    }
    for (char c : s.toCharArray()) {
      if (c == ' ' || c == '\t' || c == '\n') {
        end();
      } else if (c == '*' || c == '?' || c == '[') {
        glob(c);
      } else {
        text(String.valueOf(c));
      }
    }
  }

  void end() {
    if (has && out.size() < MAX) {
      out.add(unknown ? Field.unknown(raw) : new Field(cur.toString(), glob, raw, false));
    }
    cur.setLength(0);
    glob = -1;
    has = false;
    unknown = false;
  }
}
