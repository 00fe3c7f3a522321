package dev.shellcamp.shell;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What this machine can run (doctor's view and lessons' {@code requires}). Each probe runs at
 * most once per process and only when asked, so none of them slows the first prompt.
 */
public final class Capabilities {
  public static final List<String> ALL = List.of("bash", "pty", "docker", "python3-venv", "gpu", "network",
      "python-image", "streamlit");

  /** The outcome of one probe: available, or a message key for what is wrong and one for the fix. */
  public record Probe(String name, boolean ok, String detail, String fixKey) {}

  private final Map<String, Probe> cache = new ConcurrentHashMap<>();
  private final java.util.Set<String> disabled;

  public Capabilities() {
    this(System.getenv());
  }

  /**
   * {@code env} may carry SHELLCAMP_DISABLE=docker,gpu: those capabilities read as missing even
   * where the machine has them, so a test can take the path a learner without them takes.
   */
  public Capabilities(Map<String, String> env) {
    this.disabled = names(env.get("SHELLCAMP_DISABLE"));
  }

  public Probe probe(String name) {
    if (disabled.contains(name)) {
      return new Probe(name, false, "turned off by SHELLCAMP_DISABLE", "fix.disabled");
    }
    return cache.computeIfAbsent(name, this::run);
  }

  public Map<String, Probe> all() {
    Map<String, Probe> m = new LinkedHashMap<>();
    ALL.forEach(n -> m.put(n, probe(n)));
    return m;
  }

  /** The first requirement this machine lacks, if any. */
  public java.util.Optional<Probe> missing(List<String> requires) {
    return requires.stream().map(this::probe).filter(p -> !p.ok()).findFirst();
  }

  /**
   * The same for the menu, without starting an interpreter: python3-venv counts as there when
   * python3 is on PATH (starting python3 would add ≈ 90 ms to every start-up). Starting the
   * lesson runs the full probe and says what is missing.
   */
  public java.util.Optional<Probe> missingAtAGlance(List<String> requires) {
    return requires.stream().map(n -> n.equals("python3-venv") && !disabled.contains(n) ? onPath(n, "python3") : probe(n))
        .filter(p -> !p.ok()).findFirst();
  }

  private static Probe onPath(String name, String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
        return new Probe(name, true, Path.of(dir, command).toString(), null);
      }
    }
    return new Probe(name, false, command + " not found", "fix.python3");
  }

  /**
   * Capabilities a CI machine promises: SHELLCAMP_REQUIRE=docker,gpu and SHELLCAMP_REQUIRE_DOCKER=1
   * style variables. A lesson needing one of them is a failure there, not a skip.
   */
  public static java.util.Set<String> required() {
    java.util.Set<String> r = new java.util.HashSet<>(names(System.getenv("SHELLCAMP_REQUIRE")));
    for (String cap : ALL) {
      if ("1".equals(System.getenv("SHELLCAMP_REQUIRE_" + cap.toUpperCase(java.util.Locale.ROOT).replace('-', '_')))) {
        r.add(cap);
      }
    }
    return r;
  }

  private static java.util.Set<String> names(String list) {
    java.util.Set<String> r = new java.util.HashSet<>();
    if (list != null) {
      for (String x : list.split("[,\\s]+")) {
        if (!x.isBlank()) {
          r.add(x.strip());
        }
      }
    }
    return r;
  }

  private Probe run(String name) {
    return switch (name) {
      case "bash" -> Files.isExecutable(Path.of("/bin/bash"))
          ? new Probe(name, true, "/bin/bash", null)
          : new Probe(name, false, "/bin/bash not found", "fix.bash");
      case "pty" -> Files.exists(Path.of("/dev/ptmx"))
          ? new Probe(name, true, "/dev/ptmx", null)
          : new Probe(name, false, "/dev/ptmx missing", "fix.pty");
      case "python3-venv" -> venv();
      case "docker" -> docker();
      case "gpu" -> gpu();
      case "network" -> network();
      case "python-image" -> pythonImage();
      case "streamlit" -> streamlit();
      default -> new Probe(name, false, "unknown capability", "fix.unknown");
    };
  }

  /** One interpreter start (≈ 90 ms): its version, and whether venv and ensurepip are there. */
  private Probe venv() {
    String out = exec(10, "python3", "-c", "import sys, importlib.util as u; print('Python', sys.version.split()[0]);"
        + " print('ok' if u.find_spec('venv') and u.find_spec('ensurepip') else 'missing')");
    String version = firstLine(out);
    if (version.isEmpty()) {
      return new Probe("python3-venv", false, "python3 not found", "fix.python3");
    }
    return out.strip().endsWith("ok")
        ? new Probe("python3-venv", true, version, null)
        : new Probe("python3-venv", false, version + ", but no venv/ensurepip module", "fix.venv");
  }

  private Probe docker() {
    dev.shellcamp.docker.EngineProbe.Status st = dev.shellcamp.docker.EngineProbe.probe();
    if (!st.ok() && System.getenv("SHELLCAMP_SANDBOX") != null) {
      // a class sandbox never gets the host's engine (it would own the host): the instructor decides
      return new Probe("docker", false, "this is a class sandbox without a Docker engine of its own", "fix.docker-sandbox");
    }
    return new Probe("docker", st.ok(), st.detail(), st.fixKey());
  }

  private Probe gpu() {
    String out = exec(10, "nvidia-smi", "-L");
    return out.startsWith("GPU ")
        ? new Probe("gpu", true, firstLine(out), null)
        : new Probe("gpu", false, "nvidia-smi not found or no GPU", "fix.gpu");
  }

  private Probe network() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("registry-1.docker.io", 443), 1500);
      return new Probe("network", true, "an image registry answers", null);
    } catch (IOException e) {
      return new Probe("network", false, "no image registry reachable", "fix.network");
    }
  }

  /**
   * The serving lesson's Python image, made on first ask (seconds, once per machine): the step
   * that needs it has nothing to run without it, and a probe that only guessed could say yes
   * where the recipe then fails.
   */
  private Probe pythonImage() {
    Probe engine = probe("docker");
    if (!engine.ok()) {
      return new Probe("python-image", false, "needs docker: " + engine.detail(), engine.fixKey());
    }
    dev.shellcamp.docker.PythonImage.Made made = dev.shellcamp.docker.PythonImage.ensure();
    return new Probe("python-image", made.ok(), made.detail(), made.ok() ? null : "fix.python-image");
  }

  /** Streamlit comes from PyPI only (no Debian package): its command on PATH, as the learner's shell finds it. */
  private Probe streamlit() {
    String version = firstLine(exec(20, "streamlit", "version"));
    return version.isEmpty()
        ? new Probe("streamlit", false, "streamlit not found", "fix.streamlit")
        : new Probe("streamlit", true, version, null);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }

  /** Runs a short probe command; empty output when it is missing, fails or hangs. */
  static String exec(int seconds, String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getOutputStream().close();
      try (InputStream in = p.getInputStream()) {
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          return "";
        }
        String out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return p.exitValue() == 0 ? out : "";
      }
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
