package org.idva.insights.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where definition files are read from: the jar's resources by default, or a folder (to try a
 * changed definition without rebuilding, and in tests).
 */
public interface DefinitionSource {

  /** Opens a definition file by its path relative to the definitions root, if it exists. */
  Optional<InputStream> open(String relativePath);

  /** How a file of this source is named in error messages. */
  String describe(String relativePath);

  static DefinitionSource classpath() {
    return new DefinitionSource() {
      @Override
      public Optional<InputStream> open(String relativePath) {
        return Optional.ofNullable(
            DefinitionSource.class.getClassLoader().getResourceAsStream(relativePath));
      }

      @Override
      public String describe(String relativePath) {
        return "classpath:" + relativePath;
      }
    };
  }

  static DefinitionSource directory(Path root) {
    return new DefinitionSource() {
      @Override
      public Optional<InputStream> open(String relativePath) {
        Path file = root.resolve(relativePath);
        if (!Files.isRegularFile(file)) {
          return Optional.empty();
        }
        try {
          return Optional.of(Files.newInputStream(file));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public String describe(String relativePath) {
        return root.resolve(relativePath).toString();
      }
    };
  }
}
