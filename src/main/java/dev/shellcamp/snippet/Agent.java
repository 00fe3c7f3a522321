package dev.shellcamp.snippet;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jshell.execution.RemoteExecutionControl;
import jdk.jshell.execution.Util;

/**
 * The child JVM's side: JShell's own remote agent, except that the socket has TCP_NODELAY (the
 * stock agent's small request/response writes wait on Nagle + delayed ACK: ≈190 ms per snippet
 * instead of ≈25 ms) and the child ends itself when the tutor is gone, even if a learner's
 * endless loop holds the command thread.
 */
public final class Agent {
  private Agent() {}

  /** Arguments: the tutor's port on the loopback interface, the tutor's pid. */
  public static void main(String[] args) throws Exception {
    ProcessHandle.of(Long.parseLong(args[1])).ifPresentOrElse(
        h -> h.onExit().thenRun(() -> Runtime.getRuntime().halt(3)), () -> Runtime.getRuntime().halt(3));
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]));
    socket.setTcpNoDelay(true);
    InputStream in = socket.getInputStream();
    OutputStream out = socket.getOutputStream();
    Map<String, Consumer<OutputStream>> outputs = new HashMap<>();
    outputs.put("out", st -> System.setOut(new PrintStream(st, true, StandardCharsets.UTF_8)));
    outputs.put("err", st -> System.setErr(new PrintStream(st, true, StandardCharsets.UTF_8)));
    Map<String, Consumer<InputStream>> inputs = new HashMap<>();
    inputs.put("in", System::setIn);
    Util.forwardExecutionControlAndIO(new RemoteExecutionControl(), in, out, outputs, inputs);
    // the tutor closed the session; threads the learner started must not keep this JVM alive
    Runtime.getRuntime().halt(0);
  }
}
