package org.idva.insights.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A command run in this JVM: its exit code and what it printed on standard output. */
record Captured(int code, String out) {

  /** {@code run --input input --output output --store store}, then any {@code more} options. */
  static Captured runFolders(Path input, Path output, Path store, String... more) {
    List<String> args = new ArrayList<>(List.of("run", "--input", input.toString()));
    args.addAll(List.of("--output", output.toString(), "--store", store.toString()));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

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
