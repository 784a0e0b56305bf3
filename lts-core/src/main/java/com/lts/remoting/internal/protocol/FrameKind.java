package com.lts.remoting.internal.protocol;

/** What a frame is: a request waiting for an answer, the answer, or a message without answer. */
public enum FrameKind {
  REQUEST(0),
  RESPONSE(1),
  ONE_WAY(2);

  private final int wireValue;

  FrameKind(int wireValue) {
    this.wireValue = wireValue;
  }

  public int wireValue() {
    return wireValue;
  }

  /** The kind sent as {@code value}, or null. */
  public static FrameKind fromWire(int value) {
    for (FrameKind kind : values()) {
      if (kind.wireValue == value) {
        return kind;
      }
    }
    return null;
  }
}
