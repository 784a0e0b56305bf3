package com.lts.admin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format 0.0.4, for tests: every line must be a
 * well-formed comment, HELP, TYPE or sample; a sample's family must be typed before it and its
 * lines must be one group; no series twice; label values with only the format's escapes; values as
 * Prometheus reads them. Anything else throws, saying which line.
 */
final class PrometheusText {

  record Sample(String name, Map<String, String> labels, double value) {}

  record Family(String name, String type, String help, List<Sample> samples) {}

  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
  private static final Pattern TIMESTAMP = Pattern.compile("-?\\d{1,19}");
  private static final Set<String> TYPES =
      Set.of("counter", "gauge", "histogram", "summary", "untyped");

  private final Map<String, Family> families = new LinkedHashMap<>();
  private final Set<String> finished = new HashSet<>();
  private final Set<String> series = new HashSet<>();
  private String current;
  private int lineNumber;

  private PrometheusText() {}

  /** The families of {@code text}, by name, in order. */
  static Map<String, Family> parse(String text) {
    if (!text.isEmpty() && !text.endsWith("\n")) {
      throw new IllegalArgumentException("The exposition does not end with a line feed");
    }
    PrometheusText reader = new PrometheusText();
    for (String line : text.split("\n", -1)) {
      reader.lineNumber++;
      reader.line(line);
    }
    return reader.families;
  }

  private IllegalArgumentException bad(String what, String line) {
    return new IllegalArgumentException("Line " + lineNumber + ": " + what + ": " + line);
  }

  private void line(String line) {
    if (line.isEmpty()) {
      return;
    }
    if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
      String[] parts = line.substring(7).split(" ", 2);
      String name = parts[0];
      if (!METRIC_NAME.matcher(name).matches()) {
        throw bad("bad metric name", line);
      }
      Family family = families.get(name);
      if (family != null && !family.samples().isEmpty()) {
        throw bad("HELP or TYPE after the family's samples", line);
      }
      String value = parts.length > 1 ? parts[1] : "";
      if (line.startsWith("# HELP ")) {
        if (family != null && family.help() != null) {
          throw bad("second HELP", line);
        }
        checkEscapes(value, false, line);
        families.put(
            name,
            new Family(
                name,
                family == null ? null : family.type(),
                value,
                family == null ? new ArrayList<>() : family.samples()));
      } else {
        if (family != null && family.type() != null) {
          throw bad("second TYPE", line);
        }
        if (!TYPES.contains(value)) {
          throw bad("unknown type", line);
        }
        families.put(
            name,
            new Family(
                name,
                value,
                family == null ? null : family.help(),
                family == null ? new ArrayList<>() : family.samples()));
      }
      return;
    }
    if (line.startsWith("#")) {
      return; // a comment
    }
    sample(line);
  }

  private void sample(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
      i++;
    }
    String name = line.substring(0, i);
    if (!METRIC_NAME.matcher(name).matches()) {
      throw bad("bad metric name", line);
    }
    Map<String, String> labels = new TreeMap<>();
    if (i < line.length() && line.charAt(i) == '{') {
      i++;
      while (true) {
        if (i >= line.length()) {
          throw bad("unclosed label set", line);
        }
        if (line.charAt(i) == '}') {
          i++;
          break;
        }
        int eq = line.indexOf('=', i);
        if (eq < 0) {
          throw bad("label without value", line);
        }
        String label = line.substring(i, eq);
        if (!LABEL_NAME.matcher(label).matches()) {
          throw bad("bad label name '" + label + "'", line);
        }
        if (eq + 1 >= line.length() || line.charAt(eq + 1) != '"') {
          throw bad("label value not quoted", line);
        }
        StringBuilder value = new StringBuilder();
        int j = eq + 2;
        while (true) {
          if (j >= line.length()) {
            throw bad("unterminated label value", line);
          }
          char c = line.charAt(j);
          if (c == '"') {
            break;
          }
          if (c == '\\') {
            char next = j + 1 < line.length() ? line.charAt(j + 1) : ' ';
            switch (next) {
              case '\\' -> value.append('\\');
              case '"' -> value.append('"');
              case 'n' -> value.append('\n');
              default -> throw bad("bad escape in a label value", line);
            }
            j += 2;
          } else {
            value.append(c);
            j++;
          }
        }
        if (labels.put(label, value.toString()) != null) {
          throw bad("label " + label + " twice", line);
        }
        i = j + 1;
        if (i < line.length() && line.charAt(i) == ',') {
          i++;
        }
      }
    }
    if (i >= line.length() || line.charAt(i) != ' ') {
      throw bad("no value", line);
    }
    String[] rest = line.substring(i + 1).split(" ", -1);
    if (rest.length > 2) {
      throw bad("more than a value and a timestamp", line);
    }
    if (rest.length == 2 && !TIMESTAMP.matcher(rest[1]).matches()) {
      throw bad("bad timestamp", line);
    }
    double value = value(rest[0], line);
    Family family = familyOf(name, line);
    if (!family.name().equals(current)) {
      if (finished.contains(family.name())) {
        throw bad("the family's samples are not one group", line);
      }
      if (current != null) {
        finished.add(current);
      }
      current = family.name();
    }
    if (!series.add(name + labels)) {
      throw bad("the same series twice", line);
    }
    family.samples().add(new Sample(name, labels, value));
  }

  private Family familyOf(String name, String line) {
    Family family = families.get(name);
    if (family != null && family.type() != null) {
      return family;
    }
    for (String suffix : List.of("_count", "_sum", "_bucket", "_total")) {
      if (name.endsWith(suffix)) {
        Family base = families.get(name.substring(0, name.length() - suffix.length()));
        if (base != null && base.type() != null && !base.type().equals("gauge")) {
          return base;
        }
      }
    }
    throw bad("sample of a family without TYPE", line);
  }

  private double value(String text, String line) {
    return switch (text) {
      case "NaN" -> Double.NaN;
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> {
        if (!NUMBER.matcher(text).matches()) {
          throw bad("bad value '" + text + "'", line);
        }
        yield Double.parseDouble(text);
      }
    };
  }

  private void checkEscapes(String text, boolean quotes, String line) {
    for (int k = 0; k < text.length(); k++) {
      if (text.charAt(k) == '\\') {
        char next = k + 1 < text.length() ? text.charAt(k + 1) : ' ';
        if (next != '\\' && next != 'n' && !(quotes && next == '"')) {
          throw bad("bad escape in HELP", line);
        }
        k++;
      }
    }
  }
}
