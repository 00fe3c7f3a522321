package dev.shellcamp.check;

import dev.shellcamp.ui.Messages;

/** Names differences a learner cannot see: CRLF line ends, trailing or doubled spaces, tabs. */
final class Whitespace {
  private Whitespace() {}

  static String explain(String expected, String actual, Messages m) {
    if (!expected.equals(actual) && expected.replace("\r", "").equals(actual.replace("\r", ""))) {
      return m.get("ws.crlf");
    }
    if (expected.strip().equals(actual.strip())) {
      return m.get("ws.edges");
    }
    if (expected.replaceAll("\\s+", " ").strip().equals(actual.replaceAll("\\s+", " ").strip())) {
      return m.get("ws.inner");
    }
    if (expected.equalsIgnoreCase(actual)) {
      return m.get("ws.case");
    }
    return null;
  }
}
