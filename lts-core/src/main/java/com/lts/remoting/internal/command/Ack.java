package com.lts.remoting.internal.command;

/** The empty answer of commands whose only news is that they were received. */
public class Ack {

  public Ack() {}

  @Override
  public String toString() {
    return "Ack";
  }
}
