package org.idva.insights.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.idva.insights.model.Finding;
import org.idva.insights.store.Upload;

/**
 * The findings of a {@link Receipt} as a way in keeps them for later (the web page's uploads): each
 * with the case reference and the question (field id) it is about, so a query can be explained
 * against the answer it questions ({@link org.idva.insights.model.Explanation}), the same key the
 * Issues sheet's explanations use ({@link QueryExplanations}).
 */
public final class ReceiptFindings {
  private ReceiptFindings() {}

  /** Every finding of the receipt, in order, with its case and question where it has them. */
  public static List<Upload.Item> of(Receipt receipt) {
    List<Finding> findings = receipt.checked().findings();
    List<Upload.Item> items = new ArrayList<>(findings.size());
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      boolean explainable = QueryExplanations.explainable(f);
      items.add(
          new Upload.Item(i, f, explainable ? f.caseRef() : null, explainable ? f.field() : null));
    }
    return items;
  }
}
