package com.lts.admin.api;

import com.alibaba.fastjson2.JSONObject;
import com.lts.admin.auth.LoginThrottle;
import com.lts.admin.auth.Session;
import com.lts.admin.auth.Sessions;
import com.lts.admin.auth.User;
import com.lts.admin.auth.Users;
import com.lts.admin.web.Access;
import com.lts.admin.web.AdminHandler;
import com.lts.admin.web.ApiException;
import com.lts.admin.web.Exchange;
import java.util.Map;
import java.util.Optional;

/** Log in, log out, who am I, and the health check (the one route besides login without login). */
final class AuthApi {

  private final Users users;
  private final Sessions sessions;
  private final LoginThrottle throttle;
  private final boolean secureCookie;

  AuthApi(Users users, Sessions sessions, LoginThrottle throttle, boolean secureCookie) {
    this.users = users;
    this.sessions = sessions;
    this.throttle = throttle;
    this.secureCookie = secureCookie;
  }

  void register(AdminHandler handler) {
    handler.add("GET", "/health", Access.PUBLIC, e -> e.json(200, Map.of("status", "UP")));
    handler.add("POST", "/api/login", Access.PUBLIC, this::login);
    handler.add("POST", "/api/logout", Access.VIEW, this::logout);
    handler.add("GET", "/api/session", Access.VIEW, this::session);
  }

  private void login(Exchange exchange) throws Exception {
    JSONObject body = exchange.body();
    String name = body.get("username") instanceof String s ? s : null;
    String password = body.get("password") instanceof String s ? s : null;
    if (name == null || name.isBlank() || password == null || name.length() > 64) {
      throw ApiException.badRequest("username and password are required");
    }
    String address = exchange.remoteAddress();
    long wait = throttle.waitMillis(name, address);
    if (wait > 0) {
      exchange.header("Retry-After", String.valueOf((wait + 999) / 1000));
      throw new ApiException(
          429, "Too many failed logins; try again in " + (wait + 999) / 1000 + " s");
    }
    Optional<User> user = users.check(name, password);
    if (user.isEmpty()) {
      throttle.failed(name, address);
      throw new ApiException(401, "Wrong user name or password");
    }
    throttle.succeeded(name, address);
    Session session = sessions.open(user.get());
    exchange.header(
        "Set-Cookie",
        AdminHandler.SESSION_COOKIE
            + "="
            + session.id()
            + "; Path=/; HttpOnly; SameSite=Strict"
            + (secureCookie || exchange.isSecure() ? "; Secure" : ""));
    exchange.json(200, json(session));
  }

  private void logout(Exchange exchange) throws Exception {
    sessions.close(exchange.session().id());
    exchange.header(
        "Set-Cookie",
        AdminHandler.SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
    exchange.json(200, Map.of("status", "DONE"));
  }

  private void session(Exchange exchange) throws Exception {
    exchange.json(200, json(exchange.session()));
  }

  private static Map<String, Object> json(Session session) {
    return Map.of(
        "user", session.user().name(),
        "role", session.user().role().id(),
        "csrfToken", session.csrfToken());
  }
}
