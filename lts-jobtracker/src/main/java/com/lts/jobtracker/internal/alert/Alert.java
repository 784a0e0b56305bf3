package com.lts.jobtracker.internal.alert;

/**
 * One message about an incident: it started ({@code resolved == false}) or ended.
 *
 * @param rule the rule's name, e.g. {@code job.failed}
 * @param subject what it is about: {@code group=...} or {@code node=...}
 * @param text what happened, for people
 * @param time when the master saw it, epoch ms
 */
record Alert(
    String cluster, String rule, String subject, boolean resolved, String text, long time) {

  String status() {
    return resolved ? "RESOLVED" : "FIRING";
  }

  /** One line for chat robots and mail subjects. */
  String headline() {
    return "[LTS " + cluster + "] " + status() + " " + rule + " " + subject + ": " + text;
  }
}
