package org.idva.insights.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a file is, from its first bytes (never from its name). */
enum FileKind {
  /** A zip container: .xlsx, or .ods, .docx, or anything zipped. */
  ZIP,
  /** An OLE2 compound file: legacy .xls, an encrypted .xlsx, or a .doc. */
  OLE2,
  /** Readable text: CSV or similar. */
  TEXT,
  /** Zero bytes. */
  EMPTY,
  /** Anything else. */
  OTHER;

  private static final int SNIFF = 4096;

  static FileKind of(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(SNIFF);
    }
    if (head.length == 0) {
      return EMPTY;
    }
    if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
      return ZIP;
    }
    if (head.length >= 8
        && (head[0] & 0xff) == 0xD0
        && (head[1] & 0xff) == 0xCF
        && (head[2] & 0xff) == 0x11
        && (head[3] & 0xff) == 0xE0) {
      return OLE2;
    }
    return looksLikeText(head) ? TEXT : OTHER;
  }

  private static boolean looksLikeText(byte[] head) {
    for (byte b : head) {
      if (b == 0) {
        return false;
      }
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(head, 0, trimPartialChar(head)));
      return true;
    } catch (CharacterCodingException e) {
      try {
        // Windows-1252 CSV from Excel: printable bytes only.
        for (byte b : head) {
          int c = b & 0xff;
          if (c < 0x09 || (c > 0x0d && c < 0x20)) {
            return false;
          }
        }
        return true;
      } catch (RuntimeException ignored) {
        return false;
      }
    }
  }

  /** The sniffed prefix may end inside a multi-byte UTF-8 character. */
  private static int trimPartialChar(byte[] head) {
    int end = head.length;
    int back = 0;
    while (back < 3 && end - back - 1 >= 0 && (head[end - back - 1] & 0xC0) == 0x80) {
      back++;
    }
    if (end - back - 1 >= 0 && (head[end - back - 1] & 0xC0) == 0xC0) {
      return end - back - 1;
    }
    return end;
  }
}
