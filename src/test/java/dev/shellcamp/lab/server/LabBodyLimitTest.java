package dev.shellcamp.lab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bodies over 1 MiB get a 413 that the client can actually read, and the server goes on. */
class LabBodyLimitTest {
  private static final String HPT = "/v2/models/half_plus_two/infer";
  @RegisterExtension
  static final LabServerExtension lab = new LabServerExtension();

  @AfterEach
  void serverStillAnswers() {
    lab.client().assertStillServes();
  }

  private static byte[] spaces(int n) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) ' ');
    return b;
  }

  @Test
  void twoMebibytesWithContentLengthIs413() {
    LabClient.Response r = lab.client().send("POST", HPT, BodyPublishers.ofByteArray(spaces(2 << 20)), "application/json");
    assertEquals(413, r.status());
    assertEquals("the request body is 2097152 bytes; the limit is 1048576 bytes (1 MiB)", r.error());
  }

  @Test
  void twoMebibytesChunkedIs413() {
    // no Content-Length: the client streams it chunked, and the server stops reading at the limit
    byte[] big = spaces(2 << 20);
    LabClient.Response r = lab.client().send("POST", HPT, BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)),
        "application/json");
    assertEquals(413, r.status());
    assertEquals("the request body is over the limit of 1048576 bytes (1 MiB)", r.error());
  }

  @Test
  void exactlyOneMebibyteIsStillRead() {
    LabClient.Response r = lab.client().send("POST", HPT, BodyPublishers.ofByteArray(spaces(1 << 20)), "application/json");
    assertEquals(400, r.status(), "read and parsed: all whitespace is no JSON");
    assertEquals("invalid JSON at byte 1048576: empty document", r.error());
  }

  @Test
  void aBlockingClientThatWritesItAllBeforeReadingStillGetsThe413() throws Exception {
    // like Python's urllib: the whole body is written first. Unless the server reads and drops
    // the body, the socket is closed with bytes unread, the kernel resets it, and the write fails
    int size = 8 << 20;
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), lab.port())) {
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      out.write(("POST " + HPT + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " + size
          + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(spaces(size));
      out.flush();
      byte[] head = s.getInputStream().readNBytes(12);
      assertEquals("HTTP/1.1 413", new String(head, StandardCharsets.US_ASCII));
    }
  }

  @Test
  void emptyBodyIs400() {
    LabClient.Response r = lab.client().post(HPT, "");
    assertEquals(400, r.status());
    assertTrue(r.error().equals("the request body is empty; send a JSON object"), r.error());
  }
}
