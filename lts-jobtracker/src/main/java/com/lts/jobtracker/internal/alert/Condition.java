package com.lts.jobtracker.internal.alert;

/** A rule found true now for one subject (group or node). */
record Condition(String rule, String subject, String text) {

  String key() {
    return rule + " " + subject;
  }
}
