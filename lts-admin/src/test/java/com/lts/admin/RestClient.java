package com.lts.admin;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls Admin's REST API as a script would: log in, keep the cookie, send the CSRF token. */
final class RestClient {

  record Reply(int status, String body, HttpResponse<String> raw) {
    JSONObject json() {
      return JSON.parseObject(body);
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final String base;
  String cookie;
  String csrf;

  RestClient(String base) {
    this.base = base;
  }

  Reply login(String user, String password) {
    JSONObject body = new JSONObject();
    body.put("username", user);
    body.put("password", password);
    Reply reply = send("POST", "/api/login", body.toJSONString());
    if (reply.status() == 200) {
      String setCookie = reply.raw().headers().firstValue("Set-Cookie").orElseThrow();
      cookie = setCookie.substring(0, setCookie.indexOf(';'));
      csrf = reply.json().getString("csrfToken");
    }
    return reply;
  }

  Reply get(String path) {
    return send("GET", path, null);
  }

  Reply send(String method, String path, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    if (csrf != null && !method.equals("GET")) {
      request.header("X-CSRF-Token", csrf);
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(), response);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    }
  }
}
