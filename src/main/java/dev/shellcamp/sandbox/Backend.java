package dev.shellcamp.sandbox;

/** Where sandboxes run. Every call may take seconds (an engine or an API server away): never on a request's hot path twice. */
public interface Backend extends AutoCloseable {
  /** Docker or Kubernetes, in words, for messages. */
  String kind();

  /** The class server at {@code port} as a tutor inside a sandbox reaches it. */
  String tutorUrl(int port);

  /**
   * Makes the learner's sandbox and its volume if they do not exist, starts it if it was
   * stopped, and attaches {@code screen} to its TTY before the tutor prints anything.
   */
  Tty start(Spec spec, Screen screen) throws SandboxException;

  /** Stops the sandbox and keeps its volume: the learner's next visit starts it again where they were. */
  void stop(Spec spec) throws SandboxException;

  /**
   * Removes every sandbox of this class (by label, nothing else) and, with {@code volumes}, their
   * volumes too. Returns how many sandboxes went.
   */
  int removeAll(String classId, boolean volumes) throws SandboxException;

  @Override
  void close();
}
