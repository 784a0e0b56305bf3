package com.lts.core.registry.internal.redis;

import com.lts.core.registry.RegistryException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code redis://[user[:password]@]host[:port][/database]}: one Redis server (port 6379 and
 * database 0 when left out).
 */
record RedisAddress(String host, int port, int database, String user, String password) {

  static final int DEFAULT_PORT = 6379;

  static RedisAddress parse(String address) {
    URI uri;
    try {
      uri = new URI(address.trim());
    } catch (URISyntaxException e) {
      throw malformed(address, e.getMessage());
    }
    if (uri.getHost() == null) {
      throw malformed(address, "no host");
    }
    int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
    int database = 0;
    String path = uri.getPath();
    if (path != null && !path.isEmpty() && !"/".equals(path)) {
      try {
        database = Integer.parseInt(path.substring(1));
      } catch (NumberFormatException e) {
        throw malformed(address, "'" + path.substring(1) + "' is not a database number");
      }
      if (database < 0) {
        throw malformed(address, "the database number must not be negative");
      }
    }
    String user = null;
    String password = null;
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      String rawUser = colon < 0 ? userInfo : userInfo.substring(0, colon);
      user = rawUser.isEmpty() ? null : decode(rawUser);
      password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
    }
    return new RedisAddress(uri.getHost(), port, database, user, password);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static RegistryException malformed(String address, String why) {
    // The password never goes into messages.
    String shown = address.replaceAll("//[^@/]*@", "//****@");
    return new RegistryException(
        "Redis address '"
            + shown
            + "' is malformed ("
            + why
            + "); write redis://host:6379 or redis://host:6379/0");
  }

  @Override
  public String toString() {
    return host + ":" + port + "/" + database;
  }
}
