package com.lts.core.failstore;

import com.lts.core.LtsException;
import java.nio.file.Path;

/** A FailStore could not read or write its folder (disk full, permissions, a corrupt file). */
public class FailStoreException extends LtsException {

  private final Path folder;

  public FailStoreException(Path folder, String message) {
    super(message + " (FailStore folder " + folder + ")");
    this.folder = folder;
  }

  public FailStoreException(Path folder, String message, Throwable cause) {
    super(message + " (FailStore folder " + folder + "): " + cause, cause);
    this.folder = folder;
  }

  /** The store's folder. */
  public Path getFolder() {
    return folder;
  }
}
