package dev.shellcamp.repl;

import dev.shellcamp.ui.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The ':' commands in one table (name, handler, argument completions, help key), which feeds
 * both :help and Tab completion so the two never disagree.
 */
final class CommandTable {
  /** A ':' command's action; returns false when the REPL should end. */
  @FunctionalInterface
  interface Handler {
    boolean run(String args) throws Exception;
  }

  record Entry(String name, Handler handler, Supplier<List<String>> args, boolean inLessonOnly) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final Supplier<Messages> messages;

  CommandTable(Supplier<Messages> messages) {
    this.messages = messages;
  }

  CommandTable add(String name, boolean inLessonOnly, Supplier<List<String>> args, Handler h) {
    entries.put(name, new Entry(name, h, args, inLessonOnly));
    return this;
  }

  List<String> names() {
    return new ArrayList<>(entries.keySet());
  }

  Entry find(String name) {
    Entry e = entries.get(name);
    if (e != null) {
      return e;
    }
    List<Entry> prefixed = entries.values().stream().filter(x -> x.name().startsWith(name)).toList();
    return prefixed.size() == 1 ? prefixed.get(0) : null;
  }

  List<String> arguments(String name) {
    Entry e = entries.get(name);
    return e == null || e.args() == null ? List.of() : e.args().get();
  }

  String summary(String name) {
    return messages.get().get("cmd." + name);
  }

  /** The :help text: one line per command with its arguments and summary. */
  String help() {
    Messages m = messages.get();
    StringBuilder b = new StringBuilder();
    int width = entries.keySet().stream().mapToInt(n -> (n + " " + m.get("cmd." + n + ".args")).length()).max().orElse(10);
    for (String n : entries.keySet()) {
      String argsText = m.get("cmd." + n + ".args");
      String head = ":" + n + (argsText.equals("cmd." + n + ".args") ? "" : " " + argsText);
      b.append("  ").append(head).append(" ".repeat(Math.max(1, width + 3 - head.length())))
          .append(m.get("cmd." + n)).append('\n');
    }
    return b.toString();
  }

  /** True when the line is a ':' command rather than bash (bash's ':' builtin is followed by a space). */
  static boolean isCommand(String line) {
    return line.strip().matches(":[a-z]+(\\s.*)?");
  }
}
