package dev.shellcamp.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds the {@link Node} tree from tokens by bash's grammar, leniently: a stray or missing
 * keyword is passed over rather than failing, since the guard must judge whatever was typed.
 */
final class Parser {
  private static final Set<String> CLOSERS = Set.of("}", "then", "elif", "else", "fi", "do", "done", "esac");
  private static final Set<String> CASE_ENDS = Set.of(";;", ";&", ";;&");
  private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_]\\w*(\\[[^]]*])?\\+?=.*", Pattern.DOTALL);

  private final List<Token> t;
  private int p;

  private Parser(List<Token> tokens) {
    this.t = tokens;
  }

  static Node parse(String line) {
    Parser parser = new Parser(Lexer.lex(line));
    List<Node.Item> items = new ArrayList<>();
    while (!parser.atEnd()) {
      items.addAll(parser.list().items());
      if (!parser.atEnd()) {
        parser.p++; // a closer with nothing open: bash would complain; read on
      }
    }
    return new Node.Sequence(items);
  }

  static boolean isAssignment(String word) {
    return ASSIGNMENT.matcher(word).matches();
  }

  private Node.Sequence list() {
    List<Node.Item> items = new ArrayList<>();
    while (true) {
      skipSeparators();
      if (atEnd() || atCloser()) {
        return new Node.Sequence(items);
      }
      int before = p;
      Node n = andOr();
      boolean background = peekOp("&");
      if (background || peekOp(";") || peekOp("\n")) {
        p++;
      }
      items.add(new Node.Item(n, background));
      if (p == before) {
        p++;
      }
    }
  }

  private Node andOr() {
    List<Node.Item> parts = new ArrayList<>();
    parts.add(new Node.Item(pipeline(), false));
    while (peekOp("&&") || peekOp("||")) {
      p++;
      skipNewlines();
      parts.add(new Node.Item(pipeline(), false));
    }
    return parts.size() == 1 ? parts.get(0).node() : new Node.Sequence(parts);
  }

  private Node pipeline() {
    while (peekWord("!")) {
      p++;
    }
    if (peekWord("time")) {
      p++;
      while (peek() != null && peek().kind() == Token.Kind.WORD && peek().text().startsWith("-")) {
        p++;
      }
    }
    List<Node> stages = new ArrayList<>();
    stages.add(command());
    while (peekOp("|") || peekOp("|&")) {
      p++;
      skipNewlines();
      stages.add(command());
    }
    return stages.size() == 1 ? stages.get(0) : new Node.Pipeline(stages);
  }

  private Node command() {
    Token k = peek();
    if (k == null) {
      return new Node.Simple(List.of(), List.of(), List.of());
    }
    if (k.op("(")) {
      p++;
      Node body = list();
      expectOp(")");
      return new Node.Subshell(body, redirects());
    }
    if (k.kind() == Token.Kind.WORD) {
      switch (k.text()) {
        case "{" -> {
          p++;
          Node body = list();
          expect("}");
          return new Node.Block(List.of(body), redirects());
        }
        case "if" -> {
          return ifCommand();
        }
        case "while", "until" -> {
          p++;
          Node cond = list();
          expect("do");
          Node body = list();
          expect("done");
          return new Node.Block(List.of(cond, body), redirects());
        }
        case "for", "select" -> {
          return forCommand();
        }
        case "case" -> {
          return caseCommand();
        }
        case "function" -> {
          p++;
          String name = peek() == null ? "" : t.get(p++).text();
          if (peekOp("(") && p + 1 < t.size() && t.get(p + 1).op(")")) {
            p += 2;
          }
          skipNewlines();
          return new Node.FuncDef(name, command());
        }
        default -> {
          if (p + 2 < t.size() && t.get(p + 1).op("(") && t.get(p + 2).op(")")) {
            p += 3;
            skipNewlines();
            return new Node.FuncDef(k.text(), command());
          }
        }
      }
    }
    return simple();
  }

  private Node ifCommand() {
    p++;
    List<Node> parts = new ArrayList<>();
    parts.add(list());
    expect("then");
    parts.add(list());
    while (peekWord("elif")) {
      p++;
      parts.add(list());
      expect("then");
      parts.add(list());
    }
    if (peekWord("else")) {
      p++;
      parts.add(list());
    }
    expect("fi");
    return new Node.Block(parts, redirects());
  }

  private Node forCommand() {
    p++;
    if (peekOp("(")) { // for (( ...; ...; ... )): arithmetic only, nothing to run
      int depth = 0;
      do {
        depth += peekOp("(") ? 1 : peekOp(")") ? -1 : 0;
        p++;
      } while (!atEnd() && depth > 0);
      skipSeparators();
      return loopBody(null, List.of());
    }
    String name = peek() == null ? "" : t.get(p++).text();
    skipNewlines();
    List<String> words = new ArrayList<>();
    if (peekWord("in")) {
      p++;
      while (peek() != null && peek().kind() == Token.Kind.WORD) {
        words.add(t.get(p++).text());
      }
    } else {
      words.add("\"$@\"");
    }
    skipSeparators();
    return loopBody(name, words);
  }

  private Node loopBody(String name, List<String> words) {
    Node body;
    if (peekWord("{")) {
      body = command();
    } else {
      expect("do");
      body = list();
      expect("done");
    }
    return name == null ? new Node.Block(List.of(body), redirects()) : new Node.ForIn(name, words, body, redirects());
  }

  /** case WORD in PATTERN) LIST ;; ... esac: every branch may run; patterns are not commands. */
  private Node caseCommand() {
    p++;
    if (peek() != null && peek().kind() == Token.Kind.WORD) {
      p++;
    }
    skipNewlines();
    expect("in");
    List<Node> parts = new ArrayList<>();
    while (true) {
      skipNewlines();
      if (atEnd() || peekWord("esac")) {
        break;
      }
      int before = p;
      while (!atEnd() && !peekOp(")")) {
        p++;
      }
      if (peekOp(")")) {
        p++;
      }
      parts.add(list());
      if (peek() != null && peek().kind() == Token.Kind.OP && CASE_ENDS.contains(peek().text())) {
        p++;
      }
      if (p == before) {
        p++;
      }
    }
    expect("esac");
    return new Node.Block(parts, redirects());
  }

  private Node simple() {
    List<String> assigns = new ArrayList<>();
    List<String> words = new ArrayList<>();
    List<Node.Redirect> redirects = new ArrayList<>();
    while (peek() != null) {
      Token k = peek();
      if (k.kind() == Token.Kind.REDIR) {
        redirects.add(redirect());
      } else if (k.kind() == Token.Kind.WORD) {
        (words.isEmpty() && isAssignment(k.text()) ? assigns : words).add(k.text());
        p++;
      } else {
        break;
      }
    }
    return new Node.Simple(assigns, words, redirects);
  }

  private List<Node.Redirect> redirects() {
    List<Node.Redirect> out = new ArrayList<>();
    while (peek() != null && peek().kind() == Token.Kind.REDIR) {
      out.add(redirect());
    }
    return out;
  }

  private Node.Redirect redirect() {
    Token r = t.get(p++);
    String target = "";
    if (peek() != null && peek().kind() == Token.Kind.WORD) {
      target = t.get(p++).text();
    }
    return new Node.Redirect(r.text(), target, r.body());
  }

  private boolean atCloser() {
    Token k = peek();
    return k.op(")") || k.kind() == Token.Kind.OP && CASE_ENDS.contains(k.text())
        || k.kind() == Token.Kind.WORD && CLOSERS.contains(k.text());
  }

  private void skipSeparators() {
    while (peekOp(";") || peekOp("\n")) {
      p++;
    }
  }

  private void skipNewlines() {
    while (peekOp("\n")) {
      p++;
    }
  }

  private void expect(String word) {
    skipSeparators();
    if (peekWord(word)) {
      p++;
    }
  }

  private void expectOp(String op) {
    if (peekOp(op)) {
      p++;
    }
  }

  private boolean peekOp(String op) {
    return peek() != null && peek().op(op);
  }

  private boolean peekWord(String w) {
    return peek() != null && peek().word(w);
  }

  private Token peek() {
    return p < t.size() ? t.get(p) : null;
  }

  private boolean atEnd() {
    return p >= t.size();
  }
}
