package org.idva.insights.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads and drops a request body the page refuses without reading (a form for another service's
 * page, an expired session, a wrong token). If the server answered and closed while the browser was
 * still sending, the browser could get a reset instead of the answer; reading the rest first lets
 * the answer arrive. Bodies announced larger than {@link #MAX_BYTES} are not read: Jetty then
 * closes the connection, as it does for any oversized request.
 */
final class UnreadBody {
  /** The most a refused request may send before its answer: one full upload's worth. */
  static final long MAX_BYTES = WebConfig.MAX_FILE_BYTES * WebConfig.MAX_FILES;

  private UnreadBody() {}

  static void discard(Context ctx) {
    long announced = ctx.req().getContentLengthLong();
    if (announced == 0 || announced > MAX_BYTES) {
      return;
    }
    byte[] buf = new byte[16 * 1024];
    long left = MAX_BYTES;
    try (InputStream in = ctx.req().getInputStream()) {
      int n;
      while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) >= 0) {
        left -= n;
      }
    } catch (IOException | IllegalStateException e) {
      // already read (a multipart form), or the browser went away: nothing left to drop
    }
  }
}
