package dev.shellcamp.classroom;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Codes, tokens and secrets: made from a strong random source and compared in constant time. */
final class Secrets {
  /** No 0/O, 1/I/L: a code read off a projector is typed right. */
  private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  static String classCode() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      if (i == 3) {
        b.append('-');
      }
      b.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
    }
    return b.toString();
  }

  /** What a learner typed as the code, the way it is compared: case and dashes do not matter. */
  static String normalCode(String code) {
    return code == null ? "" : code.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
  }

  static String token(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String learnerId() {
    return "l-" + token(8).replace('-', 'x').replace('_', 'y');
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Constant time in the content, so a wrong guess tells nothing about how close it was. */
  static boolean same(String expected, String given) {
    if (given == null) {
      return false;
    }
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
