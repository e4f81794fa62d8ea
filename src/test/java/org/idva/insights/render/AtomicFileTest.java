package org.idva.insights.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

  @Test
  void writtenFileHasTheUmaskPermissionsOfAnyNewFileAndNoTemporaryIsLeft(@TempDir Path dir)
      throws Exception {
    Path plain = dir.resolve("plain.txt");
    Files.writeString(plain, "x");
    Path target = dir.resolve("out.xlsx");

    AtomicFile.write(target, o -> o.write("hello".getBytes(StandardCharsets.UTF_8)));
    AtomicFile.write(target, o -> o.write("again".getBytes(StandardCharsets.UTF_8)));

    assertThat(Files.readString(target)).isEqualTo("again");
    assertThat(Files.getPosixFilePermissions(target))
        .isEqualTo(Files.getPosixFilePermissions(plain));
    assertThat(Files.getPosixFilePermissions(target))
        .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("plain.txt", "out.xlsx");
    }
  }
}
