package dev.shellcamp.lab.model;

/**
 * A model or version the repository does not have: the caller's mistake, said in a sentence
 * that lists what exists. The model code knows nothing of HTTP; the server answers it as a 404
 * ({@link ApiError#notFound(UnknownModelException)}). Without a stack trace, like {@link ApiError}.
 */
public final class UnknownModelException extends RuntimeException {
  UnknownModelException(String message) {
    super(message, null, false, false);
  }
}
