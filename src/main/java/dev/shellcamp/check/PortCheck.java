package dev.shellcamp.check;

import dev.shellcamp.lesson.CheckSpec;
import dev.shellcamp.monitor.Machine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A TCP port is listening (or free), optionally held by a process tree matching {@code by}. The
 * tree counts the listener, its children (a server that listens through a worker) and its
 * parents up to the learner's shell (a listener started by a matching wrapper script).
 */
final class PortCheck {
  private PortCheck() {}

  static Result check(CheckSpec spec, Context ctx) {
    var m = ctx.messages();
    int port = Integer.parseInt(spec.string("port"));
    boolean wantListening = !"false".equals(spec.string("listening"));
    Pattern by = spec.has("by") ? Pattern.compile(spec.string("by")) : null;
    Machine machine = Machine.now();
    List<Machine.Listener> listeners = machine.listeners(port);
    Optional<Machine.Listener> matching = listeners.stream()
        .filter(l -> by == null || treeMatches(machine, l.pid(), by)).findFirst();
    if (wantListening) {
      if (matching.isPresent()) {
        return Result.PASS;
      }
      if (listeners.isEmpty()) {
        return Result.fail(m.get("check.port.nothing", port));
      }
      return Result.fail(m.get("check.port.wrong-owner", port, owner(machine, listeners.get(0), m), by.pattern()));
    }
    if (matching.isEmpty()) {
      return Result.PASS;
    }
    return Result.fail(m.get("check.port.held", port, owner(machine, matching.get(), m)));
  }

  private static boolean treeMatches(Machine machine, long pid, Pattern by) {
    if (pid <= 0) {
      return false;
    }
    List<Machine.Proc> tree = new ArrayList<>();
    machine.process(pid).ifPresent(tree::add);
    tree.addAll(machine.descendants(pid));
    for (Machine.Proc a : machine.ancestors(pid)) {
      if (isBoundary(a)) {
        break;
      }
      tree.add(a);
    }
    return tree.stream().anyMatch(p -> by.matcher(p.commandLine()).find());
  }

  /**
   * Where climbing stops: an interactive shell (the learner's own, a login shell), a terminal
   * multiplexer, init, or the JVM running the tutor — their command lines say nothing about the
   * server and would match almost anything. A shell running a script is not a boundary: the
   * script is how the learner started the server.
   */
  private static boolean isBoundary(Machine.Proc p) {
    String cl = p.commandLine();
    boolean shell = p.name().matches("(ba|z|da|fi|k)?sh");
    return cl.startsWith("-") || shell && (cl.matches(".*\\s-i(\\s.*)?") || !cl.contains(" "))
        || p.name().equals("java") || p.name().matches("tmux.*|screen|sshd|systemd|init|su|sudo");
  }

  private static String owner(Machine machine, Machine.Listener l, dev.shellcamp.ui.Messages m) {
    return machine.process(l.pid()).map(p -> m.get("check.port.owner", Shown.cut(p.shown()), p.pid()))
        .orElse(m.get("check.port.owner-unknown"));
  }
}
