package dev.shellcamp.lab.server;

import dev.shellcamp.lab.model.UnknownModelException;

/**
 * A request the server turns down, with the HTTP status and the sentence for {@code {"error"}}.
 * Thrown for every client mistake; without a stack trace, since it is an answer, not a bug.
 */
final class ApiError extends RuntimeException {
  private final int status;

  ApiError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, message);
  }

  static ApiError notFound(String message) {
    return new ApiError(404, message);
  }

  /** A model or version the server does not have is a 404 with the model code's own sentence. */
  static ApiError notFound(UnknownModelException e) {
    return notFound(e.getMessage());
  }

  int status() {
    return status;
  }
}
