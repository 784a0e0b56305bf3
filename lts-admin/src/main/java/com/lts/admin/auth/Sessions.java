package com.lts.admin.auth;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Logins held in memory: a restart of Admin logs everyone out. */
public final class Sessions {

  private record Entry(Session session, long lastSeen) {}

  private final Map<String, Entry> byId = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Duration timeout;
  private final Clock clock;

  public Sessions(Duration timeout, Clock clock) {
    this.timeout = timeout;
    this.clock = clock;
  }

  public Session open(User user) {
    long now = clock.millis();
    // Sessions nobody logged out of would otherwise stay; a login is a good moment to drop them.
    byId.values().removeIf(entry -> now - entry.lastSeen() > timeout.toMillis());
    Session session = new Session(token(), user, token());
    byId.put(session.id(), new Entry(session, now));
    return session;
  }

  /** The live session with this id; using it keeps it alive. */
  public Optional<Session> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    long now = clock.millis();
    Entry entry = byId.get(id);
    if (entry == null) {
      return Optional.empty();
    }
    if (now - entry.lastSeen() > timeout.toMillis()) {
      byId.remove(id);
      return Optional.empty();
    }
    byId.put(id, new Entry(entry.session(), now));
    return Optional.of(entry.session());
  }

  public void close(String id) {
    if (id != null) {
      byId.remove(id);
    }
  }

  /** Whether {@code given} is this session's CSRF token, compared in constant time. */
  public static boolean csrfMatches(Session session, String given) {
    return given != null && MessageDigest.isEqual(session.csrfToken().getBytes(), given.getBytes());
  }

  private String token() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
