package com.lts.admin.web;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONException;
import com.alibaba.fastjson2.JSONObject;
import com.lts.admin.auth.Session;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/** One HTTP request and its response, as a route handler sees it. */
public final class Exchange {

  private static final int MAX_BODY_BYTES = 1 << 20;

  private final Request request;
  private final Response response;
  private final Map<String, String> pathVariables;
  private final Session session;
  private Fields query;
  private JSONObject body;
  private boolean bodyConsumed;
  private int status;
  private Object answered;

  Exchange(Request request, Response response, Map<String, String> pathVariables, Session session) {
    this.request = request;
    this.response = response;
    this.pathVariables = pathVariables;
    this.session = session;
  }

  /** The logged-in session; null only on public routes. */
  public Session session() {
    return session;
  }

  public String path(String name) {
    return pathVariables.get(name);
  }

  /**
   * The query parameter {@code name}, null when absent or empty. Parameters outside {@code known}
   * are refused, so a misspelt filter never silently lists everything.
   */
  public String query(String name, Set<String> known) {
    if (query == null) {
      query = Request.extractQueryParameters(request);
      for (String given : query.getNames()) {
        if (!known.contains(given)) {
          throw ApiException.badRequest(
              "Unknown parameter '"
                  + given
                  + "'; known: "
                  + String.join(", ", new TreeSet<>(known)));
        }
      }
    }
    String value = query.getValue(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** A request header's value, or null. */
  public String requestHeader(String name) {
    return request.getHeaders().get(name);
  }

  public String remoteAddress() {
    return Request.getRemoteAddr(request);
  }

  public boolean isSecure() {
    return request.isSecure();
  }

  /** The JSON object body (at most 1 MB); read once, the same object after. */
  public JSONObject body() {
    if (body == null) {
      body = readBody();
    }
    return body;
  }

  /** The body if a route read it, else null (the audit takes identifying fields from it). */
  JSONObject bodyIfRead() {
    return body;
  }

  /** The status answered so far, 0 before an answer. */
  int status() {
    return status;
  }

  /** The JSON value answered, null before or when the answer was not JSON. */
  Object answered() {
    return answered;
  }

  private JSONObject readBody() {
    bodyConsumed = true;
    byte[] bytes;
    try (InputStream in = Content.Source.asInputStream(request)) {
      bytes = in.readNBytes(MAX_BODY_BYTES + 1);
    } catch (IOException e) {
      throw ApiException.badRequest("Could not read the request body: " + e.getMessage());
    }
    if (bytes.length > MAX_BODY_BYTES) {
      throw new ApiException(413, "The request body is larger than 1 MB");
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      return new JSONObject();
    }
    try {
      Object parsed = JSON.parse(text);
      if (parsed instanceof JSONObject object) {
        return object;
      }
    } catch (JSONException e) {
      // fall through to one message
    }
    throw ApiException.badRequest("The request body must be a JSON object");
  }

  public void header(String name, String value) {
    response.getHeaders().add(name, value);
  }

  /** Writes {@code body} as JSON with {@code status}; blocks until written. */
  public void json(int status, Object body) throws IOException {
    answered = body;
    send(status, "application/json; charset=utf-8", JSON.toJSONString(body));
  }

  public void send(int status, String contentType, String text) throws IOException {
    send(status, contentType, text.getBytes(StandardCharsets.UTF_8));
  }

  public void send(int status, String contentType, byte[] bytes) throws IOException {
    discardUnreadBody();
    this.status = status;
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    write(true, bytes);
  }

  /**
   * Reads and drops a request body nothing read (an answer given before it, such as 401), so that
   * the connection can serve the client's next request: left unread, the connection was closed
   * after the answer, and a client that sent its next request on it read nothing back. A body over
   * the limit closes the connection instead.
   */
  private void discardUnreadBody() {
    if (bodyConsumed) {
      return;
    }
    bodyConsumed = true;
    try (InputStream in = Content.Source.asInputStream(request)) {
      if (in.readNBytes(MAX_BODY_BYTES + 1).length > MAX_BODY_BYTES) {
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
      }
    } catch (IOException e) {
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
    }
  }

  /** Starts a server-sent event stream: status, headers, no length. */
  public void startEvents() throws IOException {
    this.status = 200;
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    write(false, ": stream open\n\n".getBytes(StandardCharsets.UTF_8));
  }

  /** Sends one event; throws when the client has gone. */
  public void event(String name, Object data) throws IOException {
    String frame = "event: " + name + "\ndata: " + JSON.toJSONString(data) + "\n\n";
    write(false, frame.getBytes(StandardCharsets.UTF_8));
  }

  /** A comment line that keeps proxies from closing an idle stream; throws when gone. */
  public void keepAlive() throws IOException {
    write(false, ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
  }

  private void write(boolean last, byte[] bytes) throws IOException {
    try (Blocker.Callback written = Blocker.callback()) {
      response.write(last, ByteBuffer.wrap(bytes), written);
      written.block();
    }
  }

  Response response() {
    return response;
  }

  Request request() {
    return request;
  }

  static void complete(Callback callback) {
    callback.succeeded();
  }
}
