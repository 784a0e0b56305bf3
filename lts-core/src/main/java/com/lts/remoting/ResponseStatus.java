package com.lts.remoting;

/** The status of a response frame. Anything but {@link #SUCCESS} carries an error body. */
public enum ResponseStatus {
  SUCCESS(0),
  /** The processor failed; the message says how. */
  SYSTEM_ERROR(1),
  /**
   * The processor's executor was full, or what the processor needs (e.g. the job store) is
   * unavailable for now; try again later or elsewhere.
   */
  SYSTEM_BUSY(2),
  /** No processor is registered for the command on this node. */
  COMMAND_NOT_SUPPORTED(3),
  /** The request body was missing or did not fit the command. */
  BAD_REQUEST(4),
  /** The connection has not finished its handshake, or the handshake failed. */
  UNAUTHENTICATED(5);

  private final short wireValue;

  ResponseStatus(int wireValue) {
    this.wireValue = (short) wireValue;
  }

  public short wireValue() {
    return wireValue;
  }

  /** The status sent as {@code value}, or null. */
  public static ResponseStatus fromWire(short value) {
    for (ResponseStatus status : values()) {
      if (status.wireValue == value) {
        return status;
      }
    }
    return null;
  }
}
