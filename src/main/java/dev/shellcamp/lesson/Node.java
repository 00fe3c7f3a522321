package dev.shellcamp.lesson;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the line it started on: a String (scalar), a List of Node or a Map of
 * String to Node. Keeping lines on every value lets lint point at the exact line; a map's values
 * also know their key's line, which is where a block value's problem is best reported.
 */
record Node(Object value, int line, int keyLine) {
  Node(Object value, int line) {
    this(value, line, line);
  }

  boolean isScalar() {
    return value instanceof String;
  }

  boolean isList() {
    return value instanceof List;
  }

  boolean isMap() {
    return value instanceof Map;
  }

  String text() {
    return (String) value;
  }

  @SuppressWarnings("unchecked")
  List<Node> list() {
    return (List<Node>) value;
  }

  @SuppressWarnings("unchecked")
  Map<String, Node> map() {
    return (Map<String, Node>) value;
  }

  String kind() {
    return isScalar() ? "a scalar" : isList() ? "a list" : "a map";
  }

  /**
   * Whether an optional key's value {@code n} is a list to read: not where the key is absent, nor
   * where it is something else, which adds the problem {@code mustBe} at its line.
   */
  static boolean optionalList(Path file, Node n, String mustBe, List<Problem> problems) {
    if (n == null) {
      return false;
    }
    if (!n.isList()) {
      problems.add(new Problem(file, n.line(), mustBe));
      return false;
    }
    return true;
  }
}
