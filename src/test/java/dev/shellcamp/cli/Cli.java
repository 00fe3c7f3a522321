package dev.shellcamp.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs `shellcamp ARGS` as a separate process, the way a user or a script would. */
final class Cli {
  record Run(int code, String out, String err) {}

  private Cli() {}

  static Run run(Path dataHome, String stdin, String... args) throws IOException, InterruptedException {
    return run(java.util.Map.of(), dataHome, stdin, args);
  }

  /** With extra environment variables, such as DOCKER_HOST. */
  static Run run(java.util.Map<String, String> env, Path dataHome, String stdin, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-Dshellcamp.lessons=" + System.getProperty("shellcamp.lessons"),
        "-cp", System.getProperty("java.class.path"), "dev.shellcamp.Main"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("XDG_DATA_HOME", dataHome.toString());
    pb.environment().put("LANG", "C.UTF-8");
    pb.environment().putAll(env);
    pb.redirectError(dataHome.resolve("stderr.txt").toFile());
    pb.redirectOutput(dataHome.resolve("stdout.txt").toFile());
    Process p = pb.start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError("shellcamp " + String.join(" ", args) + " did not finish");
    }
    String out = java.nio.file.Files.readString(dataHome.resolve("stdout.txt"));
    String err = java.nio.file.Files.readString(dataHome.resolve("stderr.txt"));
    return new Run(p.exitValue(), out, err);
  }
}
