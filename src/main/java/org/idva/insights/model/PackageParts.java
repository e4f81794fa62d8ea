package org.idva.insights.model;

import java.io.InputStream;

/**
 * The parts of a return's package as the reader already inflated them, by part name: a later stage
 * that streams the same parts (the checked copy) reads them from here rather than inflating them
 * again. The bytes are exactly the file's; a part that was not kept is read from the file.
 */
@FunctionalInterface
public interface PackageParts {
  /** No part kept: every part is read from the file. */
  PackageParts NONE = name -> null;

  /** The inflated bytes of the part of this exact name, or null when it was not kept. */
  InputStream open(String name);
}
