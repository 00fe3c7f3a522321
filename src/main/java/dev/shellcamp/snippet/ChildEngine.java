package dev.shellcamp.snippet;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.execution.StreamingExecutionControl;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.NotImplementedException;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Starts the child JVM that runs learner code, in the workspace (so relative paths in the
 * learner's program mean the workspace). {@code stop()} kills the child: a stopped session is
 * never reused, and killing also ends code that ignores thread interruption.
 */
final class ChildEngine implements ExecutionControlProvider {
  private static final int CONNECT_MS = 20_000;
  /** Every child alive, for the shutdown hook: no child JVM outlives the tutor. */
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "snippet-reaper"));
  }

  private final Path workdir;
  private volatile Process process;

  ChildEngine(Path workdir) {
    this.workdir = workdir;
  }

  Process process() {
    return process;
  }

  static int live() {
    LIVE.removeIf(p -> !p.isAlive());
    return LIVE.size();
  }

  @Override
  public String name() {
    return "shellcamp-child";
  }

  @Override
  public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) throws Throwable {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      listener.setSoTimeout(250);
      List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:+UseSerialGC", "-XX:-UsePerfData",
          "-Xshare:auto", "-Xmx256m", "-Djava.awt.headless=true", "-cp", classpath(),
          Agent.class.getName(), String.valueOf(listener.getLocalPort()), String.valueOf(ProcessHandle.current().pid()));
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(workdir.toFile())
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      pb.environment().put("HOME", workdir.toString());
      Process p = pb.start();
      LIVE.add(p);
      process = p;
      Socket socket = accept(listener, p);
      socket.setTcpNoDelay(true);
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      return Util.remoteInputOutput(in, out, Map.of("out", env.userOut(), "err", env.userErr()),
          Map.of("in", env.userIn()), (objIn, objOut) -> new StreamingExecutionControl(objOut, objIn) {
            /**
             * The stock remote agent only records a redefinition (JDI does the real work); saying
             * "not supported" makes JShell load a replaced class under a new name instead, so a
             * class that referred forward to a later one works once that one is defined.
             */
            @Override
            public void redefine(ClassBytecodes[] cbcs) throws NotImplementedException {
              throw new NotImplementedException("redefine");
            }

            @Override
            public void stop() {
              kill();
            }

            @Override
            public void close() {
              super.close();
              kill();
            }
          });
    }
  }

  private static Socket accept(ServerSocket listener, Process p) throws IOException {
    long deadline = System.currentTimeMillis() + CONNECT_MS;
    while (true) {
      try {
        return listener.accept();
      } catch (SocketTimeoutException e) {
        if (!p.isAlive()) {
          throw new IOException("the Java child process ended with status " + p.exitValue() + " before connecting");
        }
        if (System.currentTimeMillis() > deadline) {
          p.destroyForcibly();
          throw new IOException("the Java child process did not connect within " + CONNECT_MS / 1000 + " s");
        }
      }
    }
  }

  void kill() {
    Process p = process;
    if (p != null) {
      p.destroyForcibly();
      LIVE.remove(p);
    }
  }

  /** Where Agent is: the shaded jar, or target/classes in a build. */
  private static String classpath() {
    try {
      return Path.of(Agent.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
