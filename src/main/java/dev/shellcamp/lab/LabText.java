package dev.shellcamp.lab;

import dev.shellcamp.ui.Messages;
import java.util.Arrays;
import java.util.List;

/**
 * A sentence for a person, kept as a bundle key and its arguments until it is shown: the same
 * probe result or load warning is printed in the learner's language and written to {@code --json}
 * in English, which scripts read. An argument that is itself a LabText is shown in the same language.
 */
public record LabText(String key, List<Object> args) {
  /** The language of {@code --json} and of the no-argument renderers that tests and scripts use. */
  public static final Messages ENGLISH = Messages.of("en");

  public LabText {
    args = List.copyOf(args);
  }

  public static LabText of(String key, Object... args) {
    return new LabText(key, Arrays.asList(args));
  }

  /** The parts shown one after another with {@code separator} between them, each in the same language. */
  public static LabText joined(String separator, List<LabText> parts) {
    return new LabText("", List.of(separator, List.copyOf(parts)));
  }

  public String in(Messages m) {
    if (key.isEmpty()) {
      return ((List<?>) args.get(1)).stream().map(p -> ((LabText) p).in(m))
          .collect(java.util.stream.Collectors.joining((String) args.get(0)));
    }
    return m.get(key, args.stream().map(a -> a instanceof LabText t ? t.in(m) : a).toArray());
  }

  /** English, as {@code --json} writes it. */
  @Override
  public String toString() {
    return in(ENGLISH);
  }
}
