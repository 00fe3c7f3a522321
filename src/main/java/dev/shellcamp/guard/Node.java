package dev.shellcamp.guard;

import java.util.List;

/** A parsed shell line: what runs, in which shell (this one or a subshell), and in what order. */
sealed interface Node {
  /** Words as typed (quotes and all): expansion happens when the command is reached. */
  record Simple(List<String> assigns, List<String> words, List<Redirect> redirects) implements Node {}

  record Sequence(List<Item> items) implements Node {}

  /** One command of a list; a background one runs in a subshell beside the rest. */
  record Item(Node node, boolean background) {}

  /** Each stage runs in its own subshell, reading what the one before prints. */
  record Pipeline(List<Node> stages) implements Node {}

  record Subshell(Node body, List<Redirect> redirects) implements Node {}

  /** { ...; }, if, while, case: parts run in this shell; any branch may be the one taken. */
  record Block(List<Node> parts, List<Redirect> redirects) implements Node {}

  record FuncDef(String name, Node body) implements Node {}

  record ForIn(String name, List<String> words, Node body, List<Redirect> redirects) implements Node {}

  /** {@code target} as typed; {@code body} is a heredoc's text, else null. */
  record Redirect(String op, String target, String body) {}
}
