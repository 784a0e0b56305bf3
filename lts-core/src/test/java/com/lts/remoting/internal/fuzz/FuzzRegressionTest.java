package com.lts.remoting.internal.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Inputs the fuzzer found that once failed other than with a typed protocol error. */
class FuzzRegressionTest {

  private static void rejectedCleanly(String hex, boolean authenticated) {
    assertThat(ProtocolFuzzTest.decodeProblem(HexFormat.of().parseHex(hex), authenticated))
        .isNull();
  }

  /** fastjson2 threw ArrayIndexOutOfBoundsException on this malformed NODE_STATS_SEND body. */
  @Test
  void malformedJsonThatMadeTheParserThrowOutOfBounds() {
    rejectedCleanly(
        "0000006c4c540102001b0000000000000000000000007b22726f7773223a5b7b226d696e757465223a3137"
            + "30303030303034303030302c2276616c756573223a7b226c74732e6a6f62732e72756e7b616374696f"
            + "6e3d455845435554455f535543634553537d223a223a31322e307d7d5d7d",
        false);
  }

  @Test
  void everySeedFrameDecodes() {
    for (byte[] seed : ProtocolFuzzTest.seeds()) {
      assertThat(ProtocolFuzzTest.decodeProblem(seed, true)).isNull();
    }
  }
}
