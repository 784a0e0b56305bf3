package com.lts.remoting.internal.protocol;

/**
 * Constants of the frame layout (docs/remoting.md has the byte table). After the 4-byte length
 * prefix: magic (2), version (1), kind (1), command code (2), status (2), flags (2), request id
 * (8), then the UTF-8 JSON body to the end of the frame.
 */
public final class FrameFormat {

  /** "LT" in ASCII. */
  public static final short MAGIC = 0x4C54;

  public static final byte VERSION = 1;

  /** Bytes of the length prefix, which counts the bytes after itself. */
  public static final int LENGTH_FIELD_BYTES = 4;

  /** Bytes of the header that follows the length prefix. */
  public static final int HEADER_BYTES = 2 + 1 + 1 + 2 + 2 + 2 + 8;

  /**
   * The largest frame, length prefix included, accepted from a peer that has not finished the
   * handshake: the handshake frames are a few hundred bytes.
   */
  public static final int HANDSHAKE_FRAME_MAX = 4 * 1024;

  private FrameFormat() {}
}
