package dev.shellcamp.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Lessons type `shellcamp lab serve` and the like in their own shell, so a `shellcamp` command
 * must be on that shell's PATH: a small script that starts this very JVM's classpath again.
 */
final class SelfCommand {
  private static Path bin;

  private SelfCommand() {}

  static synchronized Path bin() {
    if (bin != null) {
      return bin;
    }
    try {
      Path dir = Files.createTempDirectory("shellcamp-bin-",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      Path script = dir.resolve("shellcamp");
      String launcher = System.getProperty("shellcamp.launcher");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      String body = launcher != null && Files.isExecutable(Path.of(launcher))
          ? "exec " + quote(launcher) + " \"$@\"\n"
          : "exec " + quote(java) + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dshellcamp.lessons="
              + quote(System.getProperty("shellcamp.lessons", "lessons")) + " -cp "
              + quote(System.getProperty("java.class.path")) + " dev.shellcamp.Main \"$@\"\n";
      Files.writeString(script, "#!/bin/sh\n" + body);
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
      script.toFile().deleteOnExit();
      dir.toFile().deleteOnExit();
      bin = dir;
      return bin;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the shellcamp command for lessons", e);
    }
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
