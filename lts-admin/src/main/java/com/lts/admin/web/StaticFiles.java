package com.lts.admin.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;

/** The pages, scripts and styles served from the jar; nothing else on the class path is served. */
final class StaticFiles {

  private static final String BASE = "com/lts/admin/static/";
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "json", "application/json; charset=utf-8");

  private final ClassLoader loader = StaticFiles.class.getClassLoader();
  private final String uplotDist;

  StaticFiles() {
    this.uplotDist = "META-INF/resources/webjars/uplot/" + webjarVersion("uplot") + "/dist/";
  }

  /** The file's bytes and type, or null when {@code path} names no served file. */
  Resource find(String path) throws IOException {
    String resource = null;
    if (path.equals("/main.html") || path.equals("/login.html")) {
      resource = BASE + path.substring(1);
    } else if (path.startsWith("/assets/") && safe(path)) {
      resource = BASE + "assets/" + path.substring("/assets/".length());
    } else if (path.equals("/webjars/uplot/uPlot.js")) {
      resource = uplotDist + "uPlot.iife.min.js";
    } else if (path.equals("/webjars/uplot/uPlot.css")) {
      resource = uplotDist + "uPlot.min.css";
    }
    if (resource == null) {
      return null;
    }
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      String extension = resource.substring(resource.lastIndexOf('.') + 1);
      return new Resource(
          in.readAllBytes(), TYPES.getOrDefault(extension, "application/octet-stream"));
    }
  }

  private static boolean safe(String path) {
    return path.matches("/assets/[A-Za-z0-9_-]+\\.[a-z]+");
  }

  private String webjarVersion(String name) {
    String file = "META-INF/maven/org.webjars.npm/" + name + "/pom.properties";
    try (InputStream in = loader.getResourceAsStream(file)) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "missing");
    } catch (IOException e) {
      return "missing";
    }
  }

  record Resource(byte[] bytes, String contentType) {}
}
