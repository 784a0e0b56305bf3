package com.lts.jobtracker.internal.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.lts.core.domain.JobResult;
import com.lts.core.event.NodeEvents;
import com.lts.core.store.Feedback;
import com.lts.core.store.FeedbackQueue;
import com.lts.core.store.Page;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class FeedbackResendTest {

  @Test
  void anInterruptStopsTheRunAndStaysSet() {
    List<String> fetched = new CopyOnWriteArrayList<>();
    FeedbackQueue queue =
        new FeedbackQueue() {
          @Override
          public void add(String group, List<JobResult> results) {}

          @Override
          public Page<Feedback> fetch(String group, String cursor, int max) {
            fetched.add(group);
            // The duty is stopped (mastership lost, or past its deadline) while it works on this
            // group.
            Thread.currentThread().interrupt();
            return new Page<>(List.of(), null);
          }

          @Override
          public int delete(Collection<String> ids) {
            return 0;
          }

          @Override
          public int acknowledge(String group, Collection<String> jobIds) {
            return 0;
          }

          @Override
          public int pruneOlderThan(long createdBefore, int max) {
            return 0;
          }

          @Override
          public Map<String, Long> countByGroup() {
            Map<String, Long> groups = new LinkedHashMap<>();
            groups.put("clients-a", 1L);
            groups.put("clients-b", 1L);
            return groups;
          }
        };
    FeedbackResend resend =
        new FeedbackResend(
            queue, new FeedbackSender(null, queue), Clock.systemUTC(), NodeEvents.IGNORED);

    try {
      resend.run();
      assertThat(fetched).as("groups worked on after the interrupt").containsExactly("clients-a");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
