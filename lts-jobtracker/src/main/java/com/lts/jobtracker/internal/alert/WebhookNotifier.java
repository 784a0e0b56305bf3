package com.lts.jobtracker.internal.alert;

import com.lts.core.internal.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * POSTs each alert as JSON. The templates are the text-message bodies the chat robots take
 * (DingTalk, Feishu/Lark, WeCom, Slack incoming webhooks), or every field ({@code generic}).
 */
final class WebhookNotifier implements Notifier {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final URI url;
  private final String template;
  private final HttpClient http;

  WebhookNotifier(String url, String template) {
    this.url = URI.create(url);
    this.template = template;
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  @Override
  public void send(Alert alert) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(
                HttpRequest.BodyPublishers.ofString(body(alert, template), StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("webhook " + url + " answered HTTP " + response.statusCode());
    }
  }

  /** The JSON body of {@code alert} in {@code template}. */
  static String body(Alert alert, String template) {
    String text = alert.headline();
    Object body =
        switch (template) {
          case "slack" -> Map.of("text", text);
          case "dingtalk", "wecom" -> Map.of("msgtype", "text", "text", Map.of("content", text));
          case "feishu" -> Map.of("msg_type", "text", "content", Map.of("text", text));
          default -> generic(alert);
        };
    return Json.toJson(body);
  }

  private static Map<String, Object> generic(Alert alert) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("cluster", alert.cluster());
    body.put("status", alert.status());
    body.put("rule", alert.rule());
    body.put("subject", alert.subject());
    body.put("text", alert.text());
    body.put("time", alert.time());
    return body;
  }

  @Override
  public String toString() {
    return "webhook "
        + url.getScheme()
        + "://"
        + url.getHost()
        + (url.getPort() < 0 ? "" : ":" + url.getPort());
  }
}
