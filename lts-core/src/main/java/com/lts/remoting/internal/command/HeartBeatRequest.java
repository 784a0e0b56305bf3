package com.lts.remoting.internal.command;

/** A heartbeat; the sender's clock lets the receiver notice large clock differences. */
public class HeartBeatRequest {

  private long timestamp;

  public HeartBeatRequest() {}

  public HeartBeatRequest(long timestamp) {
    this.timestamp = timestamp;
  }

  public long getTimestamp() {
    return timestamp;
  }

  public void setTimestamp(long timestamp) {
    this.timestamp = timestamp;
  }
}
