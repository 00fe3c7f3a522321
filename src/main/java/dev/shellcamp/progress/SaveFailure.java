package dev.shellcamp.progress;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Why a file could not be written, in words a learner can act on (Java's messages are often just a path). */
public final class SaveFailure {
  private SaveFailure() {}

  public static String reason(IOException e) {
    if (e instanceof AccessDeniedException a) {
      return "permission denied: " + a.getFile();
    }
    if (e instanceof FileAlreadyExistsException a) {
      return a.getFile() + " is in the way (not a folder)";
    }
    if (e instanceof NoSuchFileException a) {
      return "no such folder: " + a.getFile();
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason() + ": " + f.getFile();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
