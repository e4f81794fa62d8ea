package org.idva.insights.web;

/**
 * The page does not exist for this account: another service's id in a URL is answered as if the
 * page did not exist at all (404), never "forbidden", so ids tell nothing.
 */
final class NotFound extends RuntimeException {
  private static final long serialVersionUID = 1L;

  NotFound() {
    super("not found", null, false, false);
  }
}
