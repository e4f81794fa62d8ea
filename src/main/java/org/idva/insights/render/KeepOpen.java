package org.idva.insights.render;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An output stream whose close only flushes: a zip written into it can be closed (which ends its
 * deflater and frees the deflater's native memory at once, not when the collector gets to it) while
 * the stream it writes to stays open for its owner.
 */
final class KeepOpen extends FilterOutputStream {
  KeepOpen(OutputStream out) {
    super(out);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
  }

  @Override
  public void close() throws IOException {
    flush();
  }
}
