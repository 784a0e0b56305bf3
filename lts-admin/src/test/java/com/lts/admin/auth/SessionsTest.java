package com.lts.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.lts.core.store.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionsTest {

  private final User user = new User("ops", Role.ADMIN, Users.hash("x"));

  @Test
  void aSessionLastsWhileUsedAndEndsAfterTheTimeoutOrALogout() {
    MutableClock clock = new MutableClock(1_000_000);
    Sessions sessions = new Sessions(Duration.ofMinutes(30), clock);
    Session session = sessions.open(user);
    assertThat(session.id()).isNotEqualTo(session.csrfToken()).hasSizeGreaterThan(40);
    clock.advance(Duration.ofMinutes(29).toMillis());
    assertThat(sessions.find(session.id())).contains(session);
    clock.advance(Duration.ofMinutes(29).toMillis());
    assertThat(sessions.find(session.id())).contains(session);
    clock.advance(Duration.ofMinutes(31).toMillis());
    assertThat(sessions.find(session.id())).isEmpty();

    Session other = sessions.open(user);
    assertThat(Sessions.csrfMatches(other, other.csrfToken())).isTrue();
    assertThat(Sessions.csrfMatches(other, session.csrfToken())).isFalse();
    assertThat(Sessions.csrfMatches(other, null)).isFalse();
    sessions.close(other.id());
    assertThat(sessions.find(other.id())).isEmpty();
    assertThat(sessions.find(null)).isEmpty();
  }
}
