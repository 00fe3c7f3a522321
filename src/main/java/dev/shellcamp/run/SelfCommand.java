package dev.shellcamp.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Lessons type `shellcamp lab serve` and the like in their own shell, so a `shellcamp` command
 * must be on that shell's PATH: a small script that starts this very JVM's classpath again.
 * Beside it, a `docker` that labels what a lesson creates (resource docker-wrapper.sh).
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
              + quote(Path.of(System.getProperty("shellcamp.lessons", "lessons")).toAbsolutePath().toString())
              + " -cp " + quote(absoluteClassPath()) + " dev.shellcamp.Main \"$@\"\n";
      Files.writeString(script, "#!/bin/sh\n" + body);
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
      script.toFile().deleteOnExit();
      Path docker = dir.resolve("docker");
      try (var in = SelfCommand.class.getResourceAsStream("docker-wrapper.sh")) {
        Files.write(docker, in.readAllBytes());
      }
      Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwx------"));
      docker.toFile().deleteOnExit();
      dir.toFile().deleteOnExit();
      bin = dir;
      return bin;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the shellcamp command for lessons", e);
    }
  }

  /** The lesson's shell runs in its workspace, so `-jar target/shellcamp.jar` must not stay relative. */
  private static String absoluteClassPath() {
    StringBuilder b = new StringBuilder();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      if (!entry.isEmpty()) {
        b.append(b.length() == 0 ? "" : java.io.File.pathSeparator).append(Path.of(entry).toAbsolutePath());
      }
    }
    return b.toString();
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
