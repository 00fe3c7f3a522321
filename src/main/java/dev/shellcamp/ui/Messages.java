package dev.shellcamp.ui;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-facing text from the bundles {@code messages.properties} (en) and {@code messages_ko}.
 * Placeholders are {0}, {1}, ... replaced literally, so apostrophes need no escaping.
 */
public final class Messages {
  private final String lang;
  private final ResourceBundle bundle;
  /** Where each rendered message is noted for translation, or null (the usual case). */
  private final Twins twins;

  private Messages(String lang, ResourceBundle bundle, Twins twins) {
    this.lang = lang;
    this.bundle = bundle;
    this.twins = twins;
  }

  private Messages(String lang) {
    this.lang = lang;
    this.twins = null;
    this.bundle = ResourceBundle.getBundle("dev.shellcamp.ui.messages",
        "ko".equals(lang) ? Locale.KOREAN : Locale.ROOT, ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  public static Messages of(String lang) {
    return new Messages("ko".equals(lang) ? "ko" : "en");
  }

  /** The language asked for by --lang, then SHELLCAMP_LANG, LC_ALL or LANG; English otherwise. */
  public static String detectLang(String explicit) {
    if (explicit != null && !explicit.isBlank()) {
      return explicit.startsWith("ko") ? "ko" : "en";
    }
    for (String name : new String[] {"SHELLCAMP_LANG", "LC_ALL", "LANG"}) {
      String v = System.getenv(name);
      if (v != null && !v.isBlank()) {
        return v.startsWith("ko") ? "ko" : "en";
      }
    }
    return "en";
  }

  public String lang() {
    return lang;
  }

  /**
   * The same messages, each one noted in {@code into} as it is rendered, so the text built from
   * them can later be given in the other language ({@link Twins#both}) without rendering twice.
   */
  public Messages recording(Twins into) {
    return new Messages(lang, bundle, into);
  }

  /**
   * A text the caller has in both languages (a lesson's {@code fail "…" "…"}): the learner's, with
   * the pair noted while recording so its twin is known without asking the lesson again.
   */
  public String either(String en, String ko) {
    String text = "ko".equals(lang) && ko != null && !ko.isEmpty() ? ko : en;
    if (twins != null) {
      twins.given(text, en, ko == null ? "" : ko);
    }
    return text;
  }

  public String get(String key, Object... args) {
    String s;
    try {
      s = bundle.getString(key);
    } catch (MissingResourceException e) {
      s = key;
    }
    String text = fill(s, args);
    if (twins != null) {
      twins.note(key, args, text);
    }
    return text;
  }

  /**
   * One pass over the pattern, so an argument that itself contains "{1}" (a server's answer, a
   * learner's file name) is shown as it is and never filled in again.
   */
  static String fill(String pattern, Object... args) {
    StringBuilder b = new StringBuilder(pattern.length() + 16);
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      int close = c == '{' ? pattern.indexOf('}', i) : -1;
      if (close > i + 1 && close <= i + 3 && digits(pattern, i + 1, close)) {
        int n = Integer.parseInt(pattern.substring(i + 1, close));
        if (n < args.length) {
          b.append(args[n]);
          i = close;
          continue;
        }
      }
      b.append(c);
    }
    return b.toString();
  }

  /** A plain loop, not a stream: the monitor fills messages while it draws. */
  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
