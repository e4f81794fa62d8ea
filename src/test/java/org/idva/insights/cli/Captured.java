package org.idva.insights.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A command run in this JVM: its exit code and what it printed on standard output. */
record Captured(int code, String out) {

  static Captured run(String... args) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream old = System.out;
    int code;
    try {
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      code = Main.run(args);
    } finally {
      System.setOut(old);
    }
    return new Captured(code, buf.toString(StandardCharsets.UTF_8));
  }
}
