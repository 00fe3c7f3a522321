package dev.shellcamp.lesson;

import java.util.List;
import java.util.Map;

/**
 * One check of a step as written: its type and its arguments (String, Boolean-as-String, List or
 * Map values). A scalar form ({@code exit: 0}, {@code run: script}) is kept under "value".
 */
public record CheckSpec(String type, Map<String, Object> args, int line) {
  public String string(String key) {
    Object v = args.get(key);
    return v instanceof String s ? s : null;
  }

  public boolean flag(String key) {
    return "true".equals(args.get(key));
  }

  public boolean has(String key) {
    return args.containsKey(key);
  }

  /** A list of maps, such as a {@code java} check's cases. */
  @SuppressWarnings("unchecked")
  public List<Map<String, String>> maps(String key) {
    Object v = args.get(key);
    return v == null ? List.of() : (List<Map<String, String>>) v;
  }

  /** A map of names to values, such as an {@code http} check's {@code header} or {@code json}. */
  @SuppressWarnings("unchecked")
  public Map<String, String> map(String key) {
    Object v = args.get(key);
    return v == null ? Map.of() : (Map<String, String>) v;
  }

  @SuppressWarnings("unchecked")
  public List<String> strings(String key) {
    Object v = args.get(key);
    if (v instanceof String s) {
      return List.of(s);
    }
    return v == null ? List.of() : (List<String>) v;
  }
}
