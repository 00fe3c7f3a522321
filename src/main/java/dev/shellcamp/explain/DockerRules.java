package dev.shellcamp.explain;

import static dev.shellcamp.explain.Rule.fires;
import static dev.shellcamp.explain.Rule.silent;

import dev.shellcamp.guard.Syntax;
import dev.shellcamp.lesson.CheckSpec;
import dev.shellcamp.shell.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Mistakes with Docker: ENV with spaces, run without -d, -p reversed, options after the image, a server on 127.0.0.1. */
final class DockerRules {
  /** docker run's options that take a value as the next word. */
  private static final Set<String> VALUED = Set.of("-p", "--publish", "-v", "--volume", "-e", "--env", "--name", "-w",
      "--workdir", "-u", "--user", "--network", "--net", "-m", "--memory", "--env-file", "--mount", "-l", "--label",
      "--entrypoint", "-h", "--hostname", "--restart", "--cpus", "--add-host", "--platform", "--pull", "--stop-signal",
      "--log-driver", "--cap-add", "--cap-drop", "--device", "--dns", "--expose", "--health-cmd", "--ip", "--link",
      "--shm-size", "--tmpfs", "--ulimit");
  private static final Set<String> RUN_OPTIONS_LATE = Set.of("-p", "--publish", "-d", "--detach", "--name", "--rm", "-v",
      "--volume", "-e", "--env");
  private static final Pattern ENV_SPACES = Pattern.compile("(?im)^\\s*ENV\\s+([A-Za-z_]\\w*)\\s+=\\s*(\\S.*)$");
  /** The loopback address as a whole string literal (a bind address, not a URL), or a server's --host/--bind. */
  private static final Pattern LOOPBACK_BIND = Pattern.compile(
      "(['\"])(127\\.0\\.0\\.1|localhost)\\1|--(host|bind)[ =](127\\.0\\.0\\.1|localhost)\\b");

  private DockerRules() {}

  static List<Rule> all() {
    return List.of(new Rule("dockerfile-env-spaces", DockerRules::envSpaces),
        new Rule("docker-run-foreground", DockerRules::foreground), new Rule("port-reversed", DockerRules::portReversed),
        new Rule("docker-options-after-image", DockerRules::optionsAfterImage),
        new Rule("server-on-loopback", DockerRules::loopback), new Rule("docker-socket-denied", DockerRules::socket));
  }

  static Optional<List<String>> envSpaces(Attempt a) {
    for (Syntax.Command c : a.parsed()) {
      if (!Words.docker(c, "build")) {
        continue;
      }
      List<String> w = Words.run(c);
      int f = w.indexOf("-f");
      Path dockerfile = f >= 0 && f + 1 < w.size() ? a.path(w.get(f + 1))
          : a.path(Words.operands(w).isEmpty() ? "." : Words.operands(w).get(Words.operands(w).size() - 1)).resolve("Dockerfile");
      Matcher m = ENV_SPACES.matcher(a.read(dockerfile).orElse(""));
      if (m.find()) {
        return fires(m.group(1), m.group(2).strip());
      }
    }
    return silent();
  }

  /** {@code docker run} without {@code -d} of a server: it held the terminal until Ctrl-C stopped it. */
  static Optional<List<String>> foreground(Attempt a) {
    Optional<CommandResult> last = a.last();
    boolean stopped = last.map(r -> r.timedOut() || r.exitCode() == 130 || r.exitCode() == 143).orElse(false);
    if (!stopped) {
      return silent();
    }
    for (Syntax.Command c : a.parsed()) {
      List<String> w = options(c);
      if (Words.docker(c, "run") && !Words.flag(w, 'd', "--detach") && !Words.flag(w, 'i', "--interactive")
          && !Words.flag(w, 't', "--tty")) {
        return fires();
      }
    }
    return silent();
  }

  /** {@code -p 3306:3305} where the step checks {@code 3305:3306}: host port first, then the container's. */
  static Optional<List<String>> portReversed(Attempt a) {
    for (Syntax.Command c : a.parsed()) {
      if (!Words.docker(c, "run")) {
        continue;
      }
      List<String> w = options(c);
      for (int i = 0; i + 1 < w.size(); i++) {
        if (!w.get(i).equals("-p") && !w.get(i).equals("--publish")) {
          continue;
        }
        String[] typed = w.get(i + 1).replaceFirst("/\\w+$", "").split(":");
        if (typed.length < 2) {
          continue;
        }
        String host = typed[typed.length - 2];
        String inside = typed[typed.length - 1];
        for (CheckSpec d : a.checks("docker")) {
          String want = d.string("port");
          String[] p = want == null ? new String[0] : want.replace("->", ":").replaceFirst("/\\w+$", "").split(":");
          if (p.length == 2 && !host.equals(inside) && p[0].equals(inside) && p[1].equals(host)) {
            return fires(w.get(i + 1), p[0] + ":" + p[1]);
          }
        }
      }
    }
    return silent();
  }

  /** {@code docker run nginx -p 8080:80}: words after the image are the container's command, not options. */
  static Optional<List<String>> optionsAfterImage(Attempt a) {
    if (a.exit() == 0) {
      return silent();
    }
    for (Syntax.Command c : a.parsed()) {
      if (!Words.docker(c, "run")) {
        continue;
      }
      List<String> w = Words.run(c);
      int image = imageAt(w);
      if (image < 0) {
        continue;
      }
      for (String after : w.subList(image + 1, w.size())) {
        if (RUN_OPTIONS_LATE.contains(after)) {
          return fires(after, w.get(image));
        }
      }
    }
    return silent();
  }

  /** A request to a published port was cut off while the image's server code binds to 127.0.0.1. */
  static Optional<List<String>> loopback(Attempt a) {
    String out = a.output();
    boolean cut = out.contains("Empty reply from server") || out.contains("Connection reset by peer")
        || a.parsed().stream().anyMatch(c -> Words.program(c).equals("curl")) && (a.exit() == 52 || a.exit() == 56);
    if (!cut) {
      return silent();
    }
    for (Path dir : List.of(a.path("."), a.workspace())) {
      if (!Files.isRegularFile(dir.resolve("Dockerfile"))) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir, 2)) {
        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
          if (a.read(f).map(t -> LOOPBACK_BIND.matcher(t).find()).orElse(false)) {
            return fires(dir.relativize(f).toString());
          }
        }
      } catch (IOException e) {
        // unreadable: say nothing
      }
    }
    return silent();
  }

  static Optional<List<String>> socket(Attempt a) {
    return a.output().contains("permission denied while trying to connect to the Docker daemon socket") ? fires() : silent();
  }

  /** docker run's words before the image (its options). */
  private static List<String> options(Syntax.Command c) {
    List<String> w = Words.run(c);
    int image = imageAt(w);
    return image < 0 ? w : w.subList(0, image);
  }

  /** Where the image name is in {@code docker [container] run OPTIONS IMAGE ...}; -1 if none. */
  private static int imageAt(List<String> w) {
    int i = w.indexOf("run") + 1;
    while (i > 0 && i < w.size()) {
      String x = w.get(i);
      if (!x.startsWith("-")) {
        return i;
      }
      i += VALUED.contains(x) ? 2 : 1;
    }
    return -1;
  }
}
