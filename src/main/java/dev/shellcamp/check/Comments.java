package dev.shellcamp.check;

/**
 * A typed line without its bash comments: {@code # curl localhost:8000} runs nothing, so a
 * {@code typed} check must not count it. A {@code #} starts a comment only where bash says so:
 * at the start of a word, outside quotes. After a heredoc operator the rest of the line is kept
 * as typed, since a heredoc body is text ({@code #!/bin/bash} in a script being written).
 */
final class Comments {
  private Comments() {}

  static String strip(String line) {
    StringBuilder out = new StringBuilder(line.length());
    char quote = 0;
    int depth = 0; // inside $( ... ), where a comment is rare and a ')' would end it
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote == 0 && depth == 0 && c == '<' && line.startsWith("<<", i) && !line.startsWith("<<<", i)) {
        return out.append(line, i, line.length()).toString();
      }
      if (c == '\\' && quote != '\'' && i + 1 < line.length()) {
        out.append(c).append(line.charAt(++i));
        continue;
      }
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '$' && i + 1 < line.length() && line.charAt(i + 1) == '(') {
        depth++;
      } else if (c == ')' && depth > 0) {
        depth--;
      } else if (c == '#' && depth == 0 && wordStart(line, i)) {
        int nl = line.indexOf('\n', i);
        if (nl < 0) {
          break;
        }
        i = nl - 1;
        continue;
      }
      out.append(c);
    }
    return out.toString();
  }

  private static boolean wordStart(String line, int i) {
    return i == 0 || " \t\n;&|()<>".indexOf(line.charAt(i - 1)) >= 0;
  }
}
