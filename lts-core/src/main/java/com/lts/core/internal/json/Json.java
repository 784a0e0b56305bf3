package com.lts.core.internal.json;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONException;
import com.alibaba.fastjson2.JSONReader;
import com.alibaba.fastjson2.JSONWriter;
import com.alibaba.fastjson2.TypeReference;
import java.nio.charset.StandardCharsets;

/**
 * The one way LTS turns objects into JSON and back (fastjson2). Objects are read and written field
 * by field; the target type is always given by the caller, so a type name in the input is never
 * used (autoType stays off); dates are epoch milliseconds so nodes in different time zones agree.
 */
public final class Json {

  private static final JSONWriter.Feature[] WRITE =
      new JSONWriter.Feature[] {
        JSONWriter.Feature.FieldBased, JSONWriter.Feature.WriteEnumsUsingName
      };
  private static final JSONReader.Feature[] READ =
      new JSONReader.Feature[] {JSONReader.Feature.FieldBased};
  private static final String DATE_FORMAT = "millis";

  private Json() {}

  public static byte[] toBytes(Object value) {
    try {
      return JSON.toJSONBytes(value, DATE_FORMAT, WRITE);
    } catch (JSONException e) {
      throw new JsonException("Cannot write " + typeName(value) + " as JSON: " + e.getMessage(), e);
    }
  }

  public static String toJson(Object value) {
    try {
      return JSON.toJSONString(value, DATE_FORMAT, WRITE);
    } catch (JSONException e) {
      throw new JsonException("Cannot write " + typeName(value) + " as JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Reads {@code bytes} as {@code type}.
   *
   * @throws JsonException for any input that is not a {@code type}: the bytes may come from any
   *     peer, and whatever the parser throws on them (fastjson2 has been seen to throw
   *     ArrayIndexOutOfBoundsException on malformed input) means the same
   */
  public static <T> T fromBytes(byte[] bytes, Class<T> type) {
    try {
      return JSON.parseObject(bytes, type, READ);
    } catch (RuntimeException | StackOverflowError e) {
      throw new JsonException(
          "Cannot read "
              + bytes.length
              + " bytes as "
              + type.getSimpleName()
              + ": "
              + e.getMessage()
              + " (input starts with: "
              + preview(new String(bytes, StandardCharsets.UTF_8))
              + ")",
          e);
    }
  }

  public static <T> T fromJson(String json, Class<T> type) {
    return fromBytes(json.getBytes(StandardCharsets.UTF_8), type);
  }

  public static <T> T fromJson(String json, TypeReference<T> type) {
    try {
      return JSON.parseObject(json, type.getType(), READ);
    } catch (JSONException | ClassCastException | NumberFormatException e) {
      throw new JsonException(
          "Cannot read JSON as " + type.getType().getTypeName() + ": " + e.getMessage(), e);
    }
  }

  private static String typeName(Object value) {
    return value == null ? "null" : value.getClass().getSimpleName();
  }

  private static String preview(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }
}
