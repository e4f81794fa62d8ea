package org.idva.insights.store;

/** Another run held the store's write lock for longer than the configured wait. */
public final class StoreBusyException extends StoreException {
  private static final long serialVersionUID = 1L;

  public StoreBusyException(String message, Throwable cause) {
    super(message, cause);
  }
}
