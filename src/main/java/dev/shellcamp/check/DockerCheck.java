package dev.shellcamp.check;

import dev.shellcamp.docker.ContainerInfo;
import dev.shellcamp.docker.Dockerfile;
import dev.shellcamp.docker.DockerGateway;
import dev.shellcamp.lesson.CheckSpec;
import dev.shellcamp.ui.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Engine state through the gateway: an image, a container's state, ports, environment, mounts,
 * logs and command; or a Dockerfile's instructions. A failure says what the engine has instead.
 */
final class DockerCheck {
  private static final int LOG_LINES = 5;
  private static final Pattern PORT = Pattern.compile("(\\d+)\\s*(?::|->)\\s*(\\d+)(?:/(tcp|udp))?");

  private DockerCheck() {}

  static Result check(CheckSpec spec, Context ctx) {
    Messages m = ctx.messages();
    if (spec.has("dockerfile")) {
      return dockerfile(spec, ctx);
    }
    DockerGateway.Connection c = DockerGateway.connect();
    if (!c.ok()) {
      return Result.fail(m.get("check.docker.engine", c.status().detail()));
    }
    DockerGateway d = c.gateway();
    if (spec.has("image")) {
      String ref = spec.string("image");
      boolean present = d.image(ref).isPresent();
      if (spec.flag("absent")) {
        return present ? Result.fail(m.get("check.docker.image-present", ref)) : Result.PASS;
      }
      return present ? Result.PASS : Result.fail(m.get("check.docker.no-image", ref, list(m, d.imageTags())));
    }
    return container(spec, d, m);
  }

  private static Result container(CheckSpec spec, DockerGateway d, Messages m) {
    String name = spec.string("container");
    Optional<ContainerInfo> found = d.container(name);
    if (spec.flag("absent")) {
      return found.map(ci -> Result.fail(m.get("check.docker.container-present", name, state(ci, m))))
          .orElse(Result.PASS);
    }
    if (found.isEmpty()) {
      return Result.fail(m.get("check.docker.no-container", name, list(m, d.containerNames())));
    }
    ContainerInfo ci = found.get();
    if (spec.has("running")) {
      boolean want = spec.flag("running");
      if (want != ci.running()) {
        return Result.fail(want
            ? m.get("check.docker.not-running", name, state(ci, m), tail(d, name, m))
            : m.get("check.docker.still-running", name));
      }
    }
    if (spec.has("exit_code")) {
      long want = Long.parseLong(spec.string("exit_code"));
      if (ci.running() || !"exited".equals(ci.status()) || ci.exitCode() != want) {
        return Result.fail(m.get("check.docker.exit", name, want, state(ci, m), tail(d, name, m)));
      }
    }
    if (spec.has("from")) {
      if (!Pattern.compile(spec.string("from")).matcher(ci.image()).find()) {
        return Result.fail(m.get("check.docker.from", name, ci.image(), spec.string("from")));
      }
    }
    if (spec.has("port")) {
      Result r = port(spec.string("port"), ci, m);
      if (r != null) {
        return r;
      }
    }
    if (spec.has("env")) {
      Result r = env(spec.string("env"), ci, m);
      if (r != null) {
        return r;
      }
    }
    if (spec.has("mount")) {
      Result r = mount(spec, ci, m);
      if (r != null) {
        return r;
      }
    }
    if (spec.has("cmd") && !Pattern.compile(spec.string("cmd")).matcher(String.join(" ", ci.cmd())).find()) {
      return Result.fail(m.get("check.docker.cmd", name, "CMD", String.join(" ", ci.cmd()), spec.string("cmd")));
    }
    if (spec.has("entrypoint")
        && !Pattern.compile(spec.string("entrypoint")).matcher(String.join(" ", ci.entrypoint())).find()) {
      return Result.fail(m.get("check.docker.cmd", name, "ENTRYPOINT", String.join(" ", ci.entrypoint()),
          spec.string("entrypoint")));
    }
    if (spec.has("logs")) {
      String logs = d.logs(name, 200);
      if (!Pattern.compile(spec.string("logs"), Pattern.MULTILINE).matcher(logs).find()) {
        return Result.fail(m.get("check.docker.logs", name, spec.string("logs"), lastLines(logs, m)));
      }
    }
    return Result.PASS;
  }

  private static Result port(String want, ContainerInfo ci, Messages m) {
    Matcher pm = PORT.matcher(want.strip());
    if (!pm.matches()) {
      return Result.fail(m.get("check.error", "docker", "port '" + want + "' is not HOST:CONTAINER"));
    }
    int host = Integer.parseInt(pm.group(1));
    int inner = Integer.parseInt(pm.group(2));
    String proto = pm.group(3) == null ? "tcp" : pm.group(3);
    boolean ok = ci.ports().stream().anyMatch(p -> p.hostPort() == host && p.containerPort() == inner
        && p.protocol().equals(proto));
    return ok ? null : Result.fail(m.get("check.docker.port", ci.name(), host + "->" + inner + "/" + proto,
        list(m, ci.ports().stream().map(Object::toString).distinct().toList())));
  }

  private static Result env(String want, ContainerInfo ci, Messages m) {
    int eq = want.indexOf('=');
    String key = eq < 0 ? want : want.substring(0, eq);
    String value = ci.envValue(key);
    if (value != null && (eq < 0 || value.equals(want.substring(eq + 1)))) {
      return null;
    }
    String found = value == null ? m.get("check.docker.env-unset", key) : key + "=" + value;
    return Result.fail(m.get("check.docker.env", ci.name(), want, found));
  }

  private static Result mount(CheckSpec spec, ContainerInfo ci, Messages m) {
    String at = spec.string("mount");
    Pattern source = spec.has("source") ? Pattern.compile(spec.string("source")) : null;
    boolean ok = ci.mounts().stream().anyMatch(x -> x.destination().equals(at)
        && (source == null || source.matcher(x.name() == null ? "" : x.name()).find()
            || source.matcher(x.source() == null ? "" : x.source()).find()));
    return ok ? null : Result.fail(m.get("check.docker.mount", ci.name(), at
        + (source == null ? "" : " (" + source.pattern() + ")"), list(m, ci.mounts().stream().map(Object::toString).toList())));
  }

  private static Result dockerfile(CheckSpec spec, Context ctx) {
    Messages m = ctx.messages();
    String name = spec.string("dockerfile");
    if (!Context.inWorkspace(ctx.workspace(), name)) {
      return Result.fail(m.get("check.path.outside", name));
    }
    Path p = ctx.path(name);
    String text;
    try {
      text = Files.readString(p);
    } catch (IOException e) {
      return Result.fail(m.get("check.docker.no-dockerfile", name));
    }
    List<Dockerfile.Instruction> ins = Dockerfile.parse(text);
    int from = 0;
    for (String want : spec.strings("instructions")) {
      Pattern re = Pattern.compile(want, Pattern.CASE_INSENSITIVE);
      int hit = -1;
      for (int i = from; i < ins.size(); i++) {
        if (re.matcher(ins.get(i).toString()).find()) {
          hit = i;
          break;
        }
      }
      if (hit < 0) {
        String found = ins.isEmpty() ? m.get("check.docker.none")
            : String.join("\n", ins.stream().map(x -> "  " + x.line() + ": " + x).toList());
        return Result.fail(m.get(from == 0 ? "check.docker.instruction" : "check.docker.instruction-after",
            name, want, found));
      }
      from = hit + 1;
    }
    return Result.PASS;
  }

  /** In the learner's language: "is running", "exited with code 1", "is created". */
  private static String state(ContainerInfo ci, Messages m) {
    if (ci.running()) {
      return m.get("check.docker.state-running");
    }
    return "exited".equals(ci.status()) ? m.get("check.docker.state-exited", ci.exitCode())
        : m.get("check.docker.state-other", ci.status());
  }

  private static String tail(DockerGateway d, String name, Messages m) {
    return lastLines(d.logs(name, LOG_LINES), m);
  }

  private static String lastLines(String logs, Messages m) {
    List<String> l = logs.strip().lines().toList();
    if (l.isEmpty()) {
      return m.get("check.docker.no-logs");
    }
    return String.join("\n", l.subList(Math.max(0, l.size() - LOG_LINES), l.size()).stream().map(x -> "  " + x).toList());
  }

  private static String list(Messages m, List<String> items) {
    return items.isEmpty() ? m.get("check.docker.none") : String.join(", ", items);
  }
}
