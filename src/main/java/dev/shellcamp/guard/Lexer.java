package dev.shellcamp.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a shell line into words, operators and redirections as bash's tokenizer does: quotes and
 * substitutions stay inside their word, comments and heredoc bodies are not commands.
 */
final class Lexer {
  private static final Pattern REDIR =
      Pattern.compile("(\\d+|\\{[A-Za-z_]\\w*\\})?(&>>|&>|<<<|<<-|<<|<>|<&|>&|>>|>\\||<|>)");
  private static final String[] OPS = {";;&", ";;", ";&", "&&", "||", "|&", ";", "&", "|", "(", ")", "\n"};
  private static final Pattern ARRAY_ASSIGN = Pattern.compile("[A-Za-z_]\\w*(\\[[^]]*])?\\+?=");

  private final String s;
  private final List<Token> out = new ArrayList<>();
  /** heredocs whose bodies start after the next newline */
  private final List<Heredoc> heredocs = new ArrayList<>();
  private int i;

  private Lexer(String s) {
    this.s = s;
  }

  static List<Token> lex(String line) {
    Lexer l = new Lexer(line);
    l.run();
    return l.out;
  }

  private void run() {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r') {
        i++;
      } else if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
        i += 2;
      } else if (c == '#') {
        int nl = s.indexOf('\n', i);
        i = nl < 0 ? s.length() : nl;
      } else if (!redirect() && !operator()) {
        word();
      }
    }
  }

  private boolean redirect() {
    Matcher m = REDIR.matcher(s).region(i, s.length());
    if (!m.lookingAt()) {
      return false;
    }
    String op = m.group(2);
    if (m.group(1) == null && (op.equals("<") || op.equals(">")) && m.end() < s.length() && s.charAt(m.end()) == '(') {
      return false; // <(...) and >(...) are process substitutions, words
    }
    out.add(new Token(Token.Kind.REDIR, m.group()));
    i = m.end();
    if (op.startsWith("<<") && !op.equals("<<<")) {
      heredocs.add(new Heredoc(out.size() - 1, op.equals("<<-")));
    }
    return true;
  }

  private boolean operator() {
    for (String op : OPS) {
      if (s.startsWith(op, i)) {
        out.add(new Token(Token.Kind.OP, op));
        i += op.length();
        if (op.equals("\n")) {
          bodies();
        }
        return true;
      }
    }
    return false;
  }

  private void word() {
    int start = i;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        break;
      }
      int next;
      if (c == '(' && ARRAY_ASSIGN.matcher(s.substring(start, i)).matches()) {
        next = Scan.nested(s, i, '(', ')');
      } else if ((c == '<' || c == '>') && i + 1 < s.length() && s.charAt(i + 1) == '(') {
        next = Scan.nested(s, i + 1, '(', ')');
      } else if (";&|()<>".indexOf(c) >= 0) {
        break;
      } else {
        next = switch (c) {
          case '\\' -> Math.min(i + 2, s.length());
          case '\'' -> Scan.single(s, i);
          case '"' -> Scan.dbl(s, i);
          case '`' -> Scan.backtick(s, i);
          case '$' -> Scan.dollar(s, i);
          default -> i + 1;
        };
      }
      i = next < 0 ? s.length() : next;
    }
    String w = s.substring(start, i);
    out.add(new Token(Token.Kind.WORD, w));
    for (Heredoc h : heredocs) {
      if (h.token == out.size() - 2) {
        h.delim = w.replaceAll("['\"\\\\]", "");
      }
    }
  }

  /** After a newline: the bodies of the heredocs opened on the line before, which bash reads as text. */
  private void bodies() {
    for (Heredoc h : heredocs) {
      StringBuilder body = new StringBuilder();
      while (i < s.length()) {
        int nl = s.indexOf('\n', i);
        String line = s.substring(i, nl < 0 ? s.length() : nl);
        i = nl < 0 ? s.length() : nl + 1;
        if ((h.tabs ? line.replaceFirst("^\t+", "") : line).equals(h.delim)) {
          break;
        }
        body.append(line).append('\n');
      }
      out.set(h.token, new Token(Token.Kind.REDIR, out.get(h.token).text(), body.toString()));
    }
    heredocs.clear();
  }

  private static final class Heredoc {
    final int token;
    final boolean tabs;
    String delim = "";

    Heredoc(int token, boolean tabs) {
      this.token = token;
      this.tabs = tabs;
    }
  }
}
