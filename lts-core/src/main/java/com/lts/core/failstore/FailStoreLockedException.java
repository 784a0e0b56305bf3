package com.lts.core.failstore;

import java.nio.file.Path;

/** Another process (or another open in this one) holds the folder's lock: the store is in use. */
public class FailStoreLockedException extends FailStoreException {

  /** The lock file a FailStore folder holds while it is open. */
  public static final String LOCK_FILE_NAME = "failstore.lock";

  public FailStoreLockedException(Path folder) {
    super(
        folder,
        "FailStore is in use: another process, or another open in this one, holds the lock "
            + "file "
            + folder.resolve(LOCK_FILE_NAME)
            + ". Give each node its own identity, or stop the node that uses this folder");
  }
}
