package dev.shellcamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's launcher with a UTF-8 locale that is not installed (a learner's laptop settings in
 * a minimal container): Korean arguments must reach the tutor whole, and the language stays
 * Korean. Without the launcher's fallback Java decodes them as ASCII ("??????"), which is how a
 * class once showed a learner named 지훈. Runs after `package`, so the launcher finds its jar.
 */
class LauncherLocaleIT {
  @TempDir Path home;

  @Test
  void koreanArgumentsSurviveALocaleThatIsNotInstalled() throws Exception {
    String out = launch("ko_XX.UTF-8", "start", "없는/레슨");
    assertTrue(out.contains("\"없는/레슨\""), "the argument arrived as: " + out);
    assertTrue(out.contains("레슨은 없어요"), "Korean was asked for, got: " + out);
  }

  @Test
  void anEnglishLearnerStaysEnglish() throws Exception {
    String out = launch("en_XX.UTF-8", "start", "없는/레슨");
    assertTrue(out.contains("There is no lesson \"없는/레슨\""), out);
  }

  private String launch(String lang, String... args) throws IOException, InterruptedException {
    assertTrue(Files.isRegularFile(Path.of("target/shellcamp.jar")), "no jar: run after package");
    Path launcher = Path.of("scripts/shellcamp").toAbsolutePath();
    String[] command = new String[args.length + 1];
    command[0] = launcher.toString();
    System.arraycopy(args, 0, command, 1, args.length);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().remove("LC_ALL");
    pb.environment().remove("SHELLCAMP_LANG");
    pb.environment().put("LANG", lang);
    pb.environment().put("XDG_DATA_HOME", home.toString());
    pb.environment().put("SHELLCAMP_NO_CDS", "1");
    Process p = pb.start();
    p.getOutputStream().close();
    byte[] bytes = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher did not end");
    assertEquals(2, p.exitValue(), "an unknown lesson is a usage error");
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
