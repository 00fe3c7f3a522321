package dev.shellcamp.classroom;

/** A request the server refuses: the status and the message the client gets as {"error": …}. */
final class ApiError extends Exception {
  final int status;
  final String retryAfter;

  ApiError(int status, String message) {
    this(status, message, null);
  }

  ApiError(int status, String message, String retryAfter) {
    super(message, null, false, false);
    this.status = status;
    this.retryAfter = retryAfter;
  }
}
