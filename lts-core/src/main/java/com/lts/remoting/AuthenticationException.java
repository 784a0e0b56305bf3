package com.lts.remoting;

/**
 * A peer did not prove the cluster token (or, without a token, connected from an address that is
 * not allowed), or a server failed to prove it to a client.
 */
public class AuthenticationException extends RemotingException {

  public AuthenticationException(String message) {
    super(message);
  }

  public AuthenticationException(String message, Throwable cause) {
    super(message, cause);
  }
}
