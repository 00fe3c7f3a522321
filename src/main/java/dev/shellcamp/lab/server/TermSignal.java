package dev.shellcamp.lab.server;

import java.lang.reflect.Proxy;

/**
 * SIGTERM as a request to stop. The JVM's own handling runs the shutdown hooks and exits with
 * status 143; a server stopped by {@code kill} or {@code docker stop} that drained cleanly
 * should exit 0. {@code sun.misc.Signal} is reached by reflection because javac warns on every
 * direct use of it and no annotation silences that warning.
 */
final class TermSignal {
  private TermSignal() {}

  /** Runs {@code action} on SIGTERM; false where the JVM does not let us (e.g. under -Xrs). */
  static boolean onTerm(Runnable action) {
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handler = Class.forName("sun.misc.SignalHandler");
      Object h = Proxy.newProxyInstance(TermSignal.class.getClassLoader(), new Class<?>[] {handler},
          (proxy, method, args) -> switch (method.getName()) {
            case "handle" -> {
              action.run();
              yield null;
            }
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> "TermSignal";
          });
      Object term = signal.getConstructor(String.class).newInstance("TERM");
      signal.getMethod("handle", signal, handler).invoke(null, term, h);
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
