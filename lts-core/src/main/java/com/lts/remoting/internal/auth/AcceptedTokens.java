package com.lts.remoting.internal.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The cluster tokens a server accepts: the current one, and during a rotation the previous one
 * until a deadline. The server proves itself with whichever token the peer proved.
 */
public final class AcceptedTokens {

  private final HandshakeMac current;
  private final HandshakeMac previous;
  private final Instant previousUntil;
  private final Clock clock;

  /**
   * @param previous the token being replaced, or null
   * @param previousUntil when {@code previous} stops being accepted (ignored without one)
   */
  public AcceptedTokens(String current, String previous, Instant previousUntil, Clock clock) {
    this.current = new HandshakeMac(current);
    this.previous = previous == null ? null : new HandshakeMac(previous);
    this.previousUntil = previousUntil;
    this.clock = clock;
  }

  /** The tokens accepted now, current first. */
  public List<HandshakeMac> now() {
    if (previous != null && clock.instant().isBefore(previousUntil)) {
      return List.of(current, previous);
    }
    return List.of(current);
  }

  /** Whether {@code mac} is the previous token (to tell operators who still uses it). */
  public boolean isPrevious(HandshakeMac mac) {
    return mac == previous;
  }

  public boolean hasPrevious() {
    return previous != null;
  }

  /** Milliseconds until the previous token stops being accepted (0 when it has). */
  public long millisUntilPreviousExpires() {
    return Math.max(0, previousUntil.toEpochMilli() - clock.millis());
  }

  public Instant previousUntil() {
    return previousUntil;
  }
}
