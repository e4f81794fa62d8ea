package org.idva.insights.cli;

import org.idva.insights.model.CaseData;

/** Case data handed to the {@code tables} command instead of the case store (used by tests). */
@FunctionalInterface
public interface CaseDataSource {
  CaseData open() throws Exception;
}
