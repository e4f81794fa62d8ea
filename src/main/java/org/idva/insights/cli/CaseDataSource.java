package org.idva.insights.cli;

import org.idva.insights.model.CaseData;

/**
 * Where the {@code tables} command gets its case data: the case store once it is wired (see {@link
 * TablesCommand}); until then only the synthetic data of {@code --synthetic}.
 */
@FunctionalInterface
public interface CaseDataSource {
  CaseData open() throws Exception;

  /** No store wired: says so. */
  CaseDataSource UNWIRED =
      () -> {
        throw new IllegalStateException(
            "the case store is not wired to the tables command yet; use --synthetic SCALE to try it");
      };
}
