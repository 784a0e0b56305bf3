package com.lts.admin.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One REST endpoint: method, path template ({@code /api/jobs/{jobId}}), who may call it and what it
 * does.
 */
public record Route(String method, String template, Access access, Handler handler) {

  /** What a route does with its exchange. */
  @FunctionalInterface
  public interface Handler {
    void handle(Exchange exchange) throws Exception;
  }

  /** The path variables when {@code path} fits the template, else null. */
  Map<String, String> match(List<String> segments) {
    String[] parts = template.substring(1).split("/");
    if (parts.length != segments.size()) {
      return null;
    }
    Map<String, String> variables = new HashMap<>();
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (part.startsWith("{") && part.endsWith("}")) {
        if (segments.get(i).isEmpty()) {
          return null;
        }
        variables.put(part.substring(1, part.length() - 1), segments.get(i));
      } else if (!part.equals(segments.get(i))) {
        return null;
      }
    }
    return variables;
  }
}
