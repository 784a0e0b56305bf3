package com.lts.admin.web;

import com.lts.admin.audit.AuditLog;
import com.lts.admin.auth.Session;
import com.lts.admin.auth.Sessions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request to Admin: security headers, the static pages, then the REST routes behind the login
 * and CSRF checks. Errors are answered as JSON with a message, never a stack trace.
 */
public final class AdminHandler extends Handler.Abstract {

  public static final String SESSION_COOKIE = "LTS_ADMIN_SESSION";
  public static final String CSRF_HEADER = "X-CSRF-Token";

  private static final Logger log = LoggerFactory.getLogger(AdminHandler.class);
  private static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  private final List<Route> routes = new ArrayList<>();
  private final Sessions sessions;
  private final StaticFiles files = new StaticFiles();
  private final AuditTrail audit;
  private final boolean tlsOnly;

  /**
   * @param audit where every change (any method but GET) is recorded, done or refused
   * @param tlsOnly answer a request that did not come over TLS with 400 (Admin serves HTTPS)
   */
  public AdminHandler(Sessions sessions, AuditLog audit, boolean tlsOnly) {
    this.sessions = sessions;
    this.audit = new AuditTrail(audit);
    this.tlsOnly = tlsOnly;
  }

  public void add(String method, String template, Access access, Route.Handler handler) {
    routes.add(new Route(method, template, access, handler));
  }

  public List<Route> routes() {
    return List.copyOf(routes);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    try {
      securityHeaders(response);
      if (tlsOnly && request.isSecure()) {
        response.getHeaders().put("Strict-Transport-Security", "max-age=31536000");
      }
      serve(request, response);
      callback.succeeded();
    } catch (Throwable e) {
      callback.failed(e);
    }
    return true;
  }

  private void serve(Request request, Response response) throws IOException {
    if (tlsOnly && !request.isSecure()) {
      refusePlainHttp(request, response);
      return;
    }
    String path = request.getHttpURI().getDecodedPath();
    String method = request.getMethod();
    Session session = sessions.find(cookie(request, SESSION_COOKIE)).orElse(null);
    Exchange exchange = new Exchange(request, response, Map.of(), session);
    if (path == null || path.contains("..")) {
      exchange.json(400, error("Bad path"));
      return;
    }
    if (!path.startsWith("/api/") && !path.equals("/health") && !path.equals("/metrics")) {
      servePage(exchange, path, method, session);
      return;
    }
    List<String> segments = Arrays.asList(path.substring(1).split("/", -1));
    boolean pathKnown = false;
    for (Route route : routes) {
      Map<String, String> variables = route.match(segments);
      if (variables == null) {
        continue;
      }
      pathKnown = true;
      if (route.method().equals(method)) {
        Exchange routed = new Exchange(request, response, variables, session);
        try {
          call(route, routed, method);
        } finally {
          if (!method.equals("GET") && !method.equals("HEAD")) {
            audit.record(route, variables, routed);
          }
        }
        return;
      }
    }
    if (pathKnown) {
      exchange.json(405, error("Method " + method + " is not allowed on " + path));
    } else {
      exchange.json(404, error("No such endpoint: " + method + " " + path));
    }
  }

  private void call(Route route, Exchange exchange, String method) throws IOException {
    exchange.header(HttpHeader.CACHE_CONTROL.asString(), "no-store");
    Session session = exchange.session();
    if (route.access() != Access.PUBLIC) {
      if (session == null) {
        exchange.json(401, error("Log in first (POST /api/login)"));
        return;
      }
      if (!method.equals("GET")
          && !Sessions.csrfMatches(session, exchange.request().getHeaders().get(CSRF_HEADER))) {
        exchange.json(
            403, error("Missing or wrong " + CSRF_HEADER + " header; reload the page and retry"));
        return;
      }
      if (route.access() == Access.CHANGE && !session.mayChange()) {
        exchange.json(
            403, error("User " + session.user().name() + " is a viewer and may change nothing"));
        return;
      }
      if (route.access() == Access.ADMIN && !session.mayChange()) {
        exchange.json(
            403, error("User " + session.user().name() + " is a viewer; only admins see this"));
        return;
      }
    }
    try {
      route.handler().handle(exchange);
    } catch (ApiException e) {
      exchange.json(e.status(), error(e.getMessage()));
    } catch (IOException e) {
      throw e; // the client went away; nothing to answer
    } catch (Exception e) {
      String id = UUID.randomUUID().toString().substring(0, 8);
      log.error("{} {} failed (error id {})", method, route.template(), id, e);
      exchange.json(
          500, error("Admin could not do that (error id " + id + ", see Admin's log): " + e));
    }
  }

  private void servePage(Exchange exchange, String path, String method, Session session)
      throws IOException {
    if (!method.equals("GET") && !method.equals("HEAD")) {
      exchange.json(405, error("Method " + method + " is not allowed on " + path));
      return;
    }
    if (path.equals("/") || path.equals("/index.html")) {
      redirect(exchange, session == null ? "/login.html" : "/main.html");
      return;
    }
    if (path.equals("/main.html") && session == null) {
      redirect(exchange, "/login.html");
      return;
    }
    StaticFiles.Resource file = files.find(path);
    if (file == null) {
      exchange.send(404, "text/plain; charset=utf-8", "Not found: " + path);
      return;
    }
    exchange.header(HttpHeader.CACHE_CONTROL.asString(), "no-cache");
    exchange.send(200, file.contentType(), file.bytes());
  }

  /** Plain HTTP on the HTTPS port: say so, without a session or anything else. */
  private static void refusePlainHttp(Request request, Response response) throws IOException {
    Exchange exchange = new Exchange(request, response, Map.of(), null);
    exchange.header(HttpHeader.CONNECTION.asString(), "close");
    String host = Request.getServerName(request);
    int port = Request.getServerPort(request);
    exchange.send(
        400,
        "text/plain; charset=utf-8",
        "LTS Admin serves HTTPS on this port: use https://"
            + (host.contains(":") ? "[" + host + "]" : host)
            + ":"
            + port
            + "/main.html\n");
  }

  private static void redirect(Exchange exchange, String location) throws IOException {
    exchange.header(HttpHeader.LOCATION.asString(), location);
    exchange.send(302, "text/plain; charset=utf-8", "See " + location);
  }

  private static void securityHeaders(Response response) {
    response.getHeaders().put("Content-Security-Policy", CSP);
    response.getHeaders().put("X-Frame-Options", "DENY");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put("Referrer-Policy", "no-referrer");
  }

  static String cookie(Request request, String name) {
    List<HttpCookie> cookies = Request.getCookies(request);
    if (cookies != null) {
      for (HttpCookie cookie : cookies) {
        if (cookie.getName().equals(name)) {
          return cookie.getValue();
        }
      }
    }
    return null;
  }

  public static Map<String, Object> error(String message) {
    return Map.of("error", message);
  }
}
