package com.lts.example.api;

import com.lts.core.event.NodeEvent;
import com.lts.core.event.NodeListener;

/**
 * A node listener as in docs/getting-started.md: tells an operator what needs a look. Register it
 * with {@code addNodeListener} on any node, before or after {@code start()}.
 */
public final class ProblemListener implements NodeListener {

  @Override
  public void onEvent(NodeEvent event) {
    if (event instanceof NodeEvent.UnexpectedError e) {
      alert("bug or bad state in " + e.task() + ": " + e.error());
    } else if (event instanceof NodeEvent.StoreUnavailable e) {
      alert("job store unreachable: " + e.message());
    } else if (event instanceof NodeEvent.JobDeadLettered e) {
      alert("job " + e.taskId() + " gave up after " + e.retryTimes() + " retries: " + e.reason());
    } else if (event instanceof NodeEvent.FailStoreBacklog e && e.size() > 10_000) {
      alert(e.size() + " entries wait in FailStore " + e.failStore());
    }
  }

  private static void alert(String text) {
    System.err.println("ALERT " + text); // page someone, post to chat, ...
  }
}
