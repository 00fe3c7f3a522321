package dev.shellcamp.shell;

/** Receives a running command's output as it arrives, for the learner's screen. */
@FunctionalInterface
public interface OutputSink {
  OutputSink DISCARD = (b, off, len) -> { };

  void write(byte[] bytes, int off, int len);
}
