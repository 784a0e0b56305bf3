package com.lts.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionsTest {

  private final User user = new User("ops", Role.ADMIN, Users.hash("x"));

  @Test
  void aSessionLastsWhileUsedAndEndsAfterTheTimeoutOrALogout() {
    Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
    Clock clock =
        new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now[0];
          }
        };
    Sessions sessions = new Sessions(Duration.ofMinutes(30), clock);
    Session session = sessions.open(user);
    assertThat(session.id()).isNotEqualTo(session.csrfToken()).hasSizeGreaterThan(40);
    now[0] = now[0].plus(Duration.ofMinutes(29));
    assertThat(sessions.find(session.id())).contains(session);
    now[0] = now[0].plus(Duration.ofMinutes(29));
    assertThat(sessions.find(session.id())).contains(session);
    now[0] = now[0].plus(Duration.ofMinutes(31));
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
