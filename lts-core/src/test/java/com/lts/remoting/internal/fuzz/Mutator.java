package com.lts.remoting.internal.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Seeded mutations of a valid frame: bit flips, interesting bytes, insertions, deletions,
 * duplications, a wrong length prefix, truncation, and JSON-aware ones on the body (a value swapped
 * for another type, deep nesting, huge numbers, long strings). The same seed gives the same inputs,
 * so a failure can be replayed with {@code -Dlts.fuzz.seed}.
 */
public final class Mutator {

  private static final byte[] INTERESTING = {0, 1, -1, 0x7F, (byte) 0x80, '"', '{', '[', ':', ','};
  private static final String[] VALUES = {
    "null",
    "true",
    "-1",
    "0",
    "9223372036854775808",
    "-9223372036854775809",
    "1e999999",
    "1.7976931348623157E309",
    "\"\"",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\"2026-13-45T99:99:99\"",
    "\"JOB_TRACKER\"",
    "\"NOT_A_NODE_TYPE\"",
    "[]",
    "{}",
    "[null]",
    "{\"@type\":\"java.lang.Runtime\"}",
    "{\"\":{\"\":{\"\":[]}}}",
  };

  private final Random random;

  public Mutator(long seed) {
    this.random = new Random(seed);
  }

  public int nextInt(int bound) {
    return random.nextInt(bound);
  }

  /** One to three mutations of {@code frame} (length prefix included). */
  public byte[] mutate(byte[] frame) {
    byte[] out = frame;
    int rounds = 1 + random.nextInt(3);
    for (int i = 0; i < rounds; i++) {
      out = once(out);
    }
    return out;
  }

  private byte[] once(byte[] in) {
    if (in.length == 0) {
      return new byte[] {(byte) random.nextInt()};
    }
    switch (random.nextInt(11)) {
      case 0 -> {
        byte[] out = in.clone();
        int at = random.nextInt(out.length);
        out[at] ^= (byte) (1 << random.nextInt(8));
        return out;
      }
      case 1 -> {
        byte[] out = in.clone();
        out[random.nextInt(out.length)] = INTERESTING[random.nextInt(INTERESTING.length)];
        return out;
      }
      case 2 -> {
        int at = random.nextInt(in.length + 1);
        byte[] extra = new byte[1 + random.nextInt(16)];
        random.nextBytes(extra);
        return splice(in, at, at, extra);
      }
      case 3 -> {
        int from = random.nextInt(in.length);
        int to = Math.min(in.length, from + 1 + random.nextInt(16));
        return splice(in, from, to, new byte[0]);
      }
      case 4 -> {
        int from = random.nextInt(in.length);
        int to = Math.min(in.length, from + 1 + random.nextInt(32));
        return splice(in, to, to, Arrays.copyOfRange(in, from, to));
      }
      case 5 -> {
        // A length prefix that lies: a little off, or anything at all.
        byte[] out = in.clone();
        if (out.length >= 4) {
          int length = readInt(out);
          int lie = random.nextBoolean() ? length + random.nextInt(9) - 4 : random.nextInt();
          writeInt(out, lie);
        }
        return out;
      }
      case 6 -> {
        return Arrays.copyOf(in, random.nextInt(in.length));
      }
      default -> {
        return fixLength(mutateJson(in));
      }
    }
  }

  /** Rewrites the body (after the 26 bytes of prefix and header) as JSON text. */
  private byte[] mutateJson(byte[] frame) {
    int header = 26;
    if (frame.length <= header) {
      return frame;
    }
    String body = new String(frame, header, frame.length - header, StandardCharsets.UTF_8);
    String mutated;
    switch (random.nextInt(4)) {
      case 0 -> {
        // Swap the value after some colon for a value of another kind.
        int colon = nthIndexOf(body, ':', random.nextInt(8));
        if (colon < 0) {
          return frame;
        }
        int end = valueEnd(body, colon + 1);
        mutated =
            body.substring(0, colon + 1)
                + VALUES[random.nextInt(VALUES.length)]
                + body.substring(end);
      }
      case 1 -> {
        int depth = 1 + random.nextInt(random.nextBoolean() ? 100 : 100_000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        mutated = "{\"x\":" + open.repeat(depth) + "1" + close.repeat(depth) + "}";
      }
      case 2 -> mutated = "{\"" + "k".repeat(random.nextInt(3000)) + "\":1}";
      default -> {
        int at = random.nextInt(body.length() + 1);
        mutated =
            body.substring(0, at) + VALUES[random.nextInt(VALUES.length)] + body.substring(at);
      }
    }
    byte[] text = mutated.getBytes(StandardCharsets.UTF_8);
    byte[] out = Arrays.copyOf(frame, header + text.length);
    System.arraycopy(text, 0, out, header, text.length);
    return out;
  }

  private static int nthIndexOf(String s, char c, int n) {
    int at = -1;
    for (int i = 0; i <= n; i++) {
      int next = s.indexOf(c, at + 1);
      if (next < 0) {
        return at;
      }
      at = next;
    }
    return at;
  }

  /** Where the JSON value starting at {@code from} roughly ends (next , or } or ] at depth 0). */
  private static int valueEnd(String s, int from) {
    int depth = 0;
    boolean inString = false;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        if (depth == 0) {
          return i;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        return i;
      }
    }
    return s.length();
  }

  /** The frame with a length prefix that matches its bytes again. */
  static byte[] fixLength(byte[] frame) {
    if (frame.length >= 4) {
      byte[] out = frame.clone();
      writeInt(out, frame.length - 4);
      return out;
    }
    return frame;
  }

  private static byte[] splice(byte[] in, int from, int to, byte[] insert) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + insert.length);
    out.write(in, 0, from);
    out.writeBytes(insert);
    out.write(in, to, in.length - to);
    return out.toByteArray();
  }

  private static int readInt(byte[] b) {
    return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
  }

  private static void writeInt(byte[] b, int v) {
    b[0] = (byte) (v >>> 24);
    b[1] = (byte) (v >>> 16);
    b[2] = (byte) (v >>> 8);
    b[3] = (byte) v;
  }
}
