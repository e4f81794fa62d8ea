package org.idva.insights.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A buffer of bytes on their way to a stream, written in one piece when full: the byte-level copy
 * of a sheet writes a few bytes at a time, and a zip entry's stream costs a call into the deflater
 * for each write.
 */
final class ByteOut {
  private final OutputStream out;
  private final byte[] buf = new byte[1 << 16];
  private int size;

  ByteOut(OutputStream out) {
    this.out = out;
  }

  void write(int b) throws IOException {
    if (size == buf.length) {
      drain();
    }
    buf[size++] = (byte) b;
  }

  void write(byte[] b, int off, int len) throws IOException {
    if (len > buf.length - size) {
      drain();
      if (len > buf.length) {
        send(b, off, len);
        return;
      }
    }
    System.arraycopy(b, off, buf, size, len);
    size += len;
  }

  void write(byte[] b) throws IOException {
    write(b, 0, b.length);
  }

  /** Writes characters that are all ASCII. */
  void ascii(String s) throws IOException {
    if (s.length() > buf.length - size) {
      drain();
    }
    if (s.length() > buf.length) {
      write(s.getBytes(StandardCharsets.US_ASCII));
      return;
    }
    for (int i = 0; i < s.length(); i++) {
      buf[size++] = (byte) s.charAt(i);
    }
  }

  /** Writes any text as UTF-8. */
  void utf8(String s) throws IOException {
    write(s.getBytes(StandardCharsets.UTF_8));
  }

  void decimal(int n) throws IOException {
    ascii(Integer.toString(n));
  }

  /** Writes what is buffered to the stream. */
  void flush() throws IOException {
    if (size > 0) {
      out.write(buf, 0, size);
      size = 0;
    }
    out.flush();
  }

  private void drain() throws IOException {
    send(buf, 0, size);
    size = 0;
  }

  private void send(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
  }
}
