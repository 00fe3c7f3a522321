package dev.shellcamp.check;

import dev.shellcamp.lesson.CheckSpec;
import dev.shellcamp.ui.Messages;
import java.util.Map;

/**
 * {@code fail_key KEY ARGS...} in a run script: the reason is the lesson's message KEY from the
 * '## messages' section of en.md or ko.md, with {0}, {1}, ... replaced by ARGS. Prose stays in
 * the prose files, where a translator finds it, instead of English and Korean pairs inside bash.
 */
final class FailKey {
  static final String MARK = "FAILKEY:";
  /** prints the key and its arguments tab-separated (tabs and newlines in them folded) and fails */
  static final String PRELUDE = "fail_key() { local k=$1 a out=''; shift; for a in \"$@\"; do a=${a//$'\\n'/ }; "
      + "out+=$'\\t'${a//$'\\t'/ }; done; printf '" + MARK + "%s%s\\n' \"$k\" \"$out\"; exit 1; }\n";

  private FailKey() {}

  /** The message for a {@code FAILKEY:} line's rest ({@code key\targ...}) in the learner's language. */
  @SuppressWarnings("unchecked")
  static String say(String rest, CheckSpec spec, Messages m) {
    String[] parts = rest.split("\t", -1);
    String key = parts[0].strip();
    Object all = spec.args().get("messages");
    Map<String, Map<String, String>> messages = all instanceof Map ? (Map<String, Map<String, String>>) all : Map.of();
    String en = fill(messages.getOrDefault("en", Map.of()).get(key), parts);
    String ko = fill(messages.getOrDefault("ko", Map.of()).get(key), parts);
    if (en == null && ko == null) {
      return m.get("check.run.no-message", key);  // lint refuses this; a lesson that skipped lint still gets a reason
    }
    return m.either(en != null ? en : ko, ko);
  }

  private static String fill(String text, String[] parts) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (int i = 1; i < parts.length; i++) {
      out = out.replace("{" + (i - 1) + "}", parts[i]);
    }
    return out;
  }
}
