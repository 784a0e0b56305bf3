package com.lts.admin.auth;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after a failed login for a user name, or after ten from one address
 * (guesses spread over many names), the next try is refused until a wait that doubles with each
 * failure, from 1 s up to 5 minutes. A success clears the count.
 */
public final class LoginThrottle {

  private static final long FIRST_WAIT_MILLIS = 1_000;
  private static final long MAX_WAIT_MILLIS = 300_000;
  private static final int MAX_TRACKED = 10_000;
  private static final int ADDRESS_FREE_FAILURES = 9;

  private record Failures(int count, long notBefore) {}

  private final Map<String, Failures> byKey = new ConcurrentHashMap<>();
  private final Clock clock;

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Milliseconds to wait before {@code user} from {@code address} may try again; 0 when now. */
  public long waitMillis(String user, String address) {
    long now = clock.millis();
    return Math.max(wait(now, "u:" + user), wait(now, "a:" + address));
  }

  public void failed(String user, String address) {
    if (byKey.size() > MAX_TRACKED) {
      byKey.clear(); // bounded memory under a flood of made-up names; the per-try cost is BCrypt's
    }
    long now = clock.millis();
    for (String key : new String[] {"u:" + user, "a:" + address}) {
      byKey.compute(
          key,
          (k, old) -> {
            int count = old == null ? 1 : old.count() + 1;
            int counted = k.startsWith("a:") ? count - ADDRESS_FREE_FAILURES : count;
            long wait =
                counted <= 0
                    ? 0
                    : Math.min(MAX_WAIT_MILLIS, FIRST_WAIT_MILLIS << Math.min(counted - 1, 20));
            return new Failures(count, now + wait);
          });
    }
  }

  public void succeeded(String user, String address) {
    byKey.remove("u:" + user);
    byKey.remove("a:" + address);
  }

  private long wait(long now, String key) {
    Failures failures = byKey.get(key);
    return failures == null ? 0 : Math.max(0, failures.notBefore() - now);
  }
}
