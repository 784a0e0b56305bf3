package com.lts.jobtracker.internal.alert;

/** Where alerts go: a webhook, a mailbox. */
interface Notifier {

  /**
   * Delivers one alert.
   *
   * @throws Exception when the receiver did not take it (it is sent again)
   */
  void send(Alert alert) throws Exception;
}
