package com.lts.jobtracker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format (0.0.4): every line must be a HELP or
 * TYPE comment or a well-formed sample of a family declared before it; anything else throws.
 */
final class PrometheusText {

  private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Set<String> TYPES =
      Set.of("counter", "gauge", "summary", "histogram", "untyped");
  private static final List<String> SUFFIXES =
      List.of("", "_total", "_count", "_sum", "_bucket", "_created");

  record Sample(String name, Map<String, String> labels, double value) {}

  /** Family name to its type. */
  final Map<String, String> types = new LinkedHashMap<>();

  final List<Sample> samples = new ArrayList<>();

  static PrometheusText parse(String text) {
    PrometheusText parsed = new PrometheusText();
    int n = 0;
    for (String line : text.split("\n", -1)) {
      n++;
      if (line.isEmpty()) {
        continue;
      }
      try {
        parsed.line(line);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("line " + n + ": " + e.getMessage() + ": " + line, e);
      }
    }
    return parsed;
  }

  private void line(String line) {
    if (line.startsWith("# HELP ")) {
      name(line.substring(7).split(" ", 2)[0]);
      return;
    }
    if (line.startsWith("# TYPE ")) {
      String[] parts = line.substring(7).split(" ");
      if (parts.length != 2 || !TYPES.contains(parts[1])) {
        throw new IllegalArgumentException("bad TYPE");
      }
      if (types.put(name(parts[0]), parts[1]) != null) {
        throw new IllegalArgumentException("family typed twice");
      }
      return;
    }
    if (line.startsWith("#")) {
      return; // other comments are allowed
    }
    int i = 0;
    while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
      i++;
    }
    String name = name(line.substring(0, i));
    if (family(name) == null) {
      throw new IllegalArgumentException("sample of no declared family");
    }
    Map<String, String> labels = new LinkedHashMap<>();
    if (i < line.length() && line.charAt(i) == '{') {
      i++;
      while (line.charAt(i) != '}') {
        int eq = line.indexOf('=', i);
        String label = line.substring(i, eq);
        if (!LABEL.matcher(label).matches()) {
          throw new IllegalArgumentException("bad label name " + label);
        }
        if (line.charAt(eq + 1) != '"') {
          throw new IllegalArgumentException("unquoted label value");
        }
        StringBuilder value = new StringBuilder();
        int j = eq + 2;
        for (; line.charAt(j) != '"'; j++) {
          char c = line.charAt(j);
          if (c == '\\') {
            char next = line.charAt(++j);
            value.append(next == 'n' ? '\n' : next);
          } else {
            value.append(c);
          }
        }
        labels.put(label, value.toString());
        i = j + 1;
        if (line.charAt(i) == ',') {
          i++;
        }
      }
      i++;
    }
    if (line.charAt(i) != ' ') {
      throw new IllegalArgumentException("no space before the value");
    }
    String[] rest = line.substring(i + 1).split(" ");
    if (rest.length > 2) {
      throw new IllegalArgumentException("junk after the value");
    }
    double value =
        switch (rest[0]) {
          case "+Inf" -> Double.POSITIVE_INFINITY;
          case "-Inf" -> Double.NEGATIVE_INFINITY;
          case "NaN" -> Double.NaN;
          default -> Double.parseDouble(rest[0]);
        };
    if (rest.length == 2) {
      Long.parseLong(rest[1]);
    }
    samples.add(new Sample(name, labels, value));
  }

  /** The declared family a sample name belongs to, or null. */
  String family(String sample) {
    for (String suffix : SUFFIXES) {
      if (sample.endsWith(suffix)) {
        String family = sample.substring(0, sample.length() - suffix.length());
        if (types.containsKey(family)) {
          return family;
        }
      }
    }
    return null;
  }

  private static String name(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("bad metric name " + name);
    }
    return name;
  }
}
