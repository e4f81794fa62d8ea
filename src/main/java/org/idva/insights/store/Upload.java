package org.idva.insights.store;

import java.time.Instant;
import java.util.List;
import org.idva.insights.model.Finding;
import org.idva.insights.model.ReturnStatus;

/**
 * A return uploaded on the web page and what the pipeline answered.
 *
 * @param quarter the quarter label, or null when it could not be read
 * @param fileName the name the file was uploaded as (for display; never a path)
 * @param sha256 the file's hash (matches {@link StoredReturn#sha256()}), or null
 * @param merge what merging it did, in words
 * @param checkedWorkbook where the checked copy was written, or null
 * @param findings every finding, in the order the checks gave them
 */
public record Upload(
    long id,
    String service,
    String quarter,
    String accountEmail,
    String fileName,
    String sha256,
    Instant received,
    ReturnStatus status,
    String merge,
    boolean refused,
    int errors,
    int queries,
    String checkedWorkbook,
    List<Item> findings) {

  public Upload {
    findings = List.copyOf(findings);
  }

  /** The same upload with these findings (and id). */
  Upload with(long newId, List<Item> items) {
    return new Upload(
        newId,
        service,
        quarter,
        accountEmail,
        fileName,
        sha256,
        received,
        status,
        merge,
        refused,
        errors,
        queries,
        checkedWorkbook,
        items);
  }

  /**
   * A finding with the case and question it is about, when it is about one answer.
   *
   * @param seq its place in the upload's findings (0-based)
   * @param caseRef the case reference, or null
   * @param field the question's field id, or null
   */
  public record Item(int seq, Finding finding, String caseRef, String field) {
    /** True when the service can explain it on the web page: a query about one case's answer. */
    public boolean explainable() {
      return finding.severity() == org.idva.insights.model.Severity.QUERY
          && caseRef != null
          && field != null
          && finding.location().sheet() != null;
    }
  }
}
