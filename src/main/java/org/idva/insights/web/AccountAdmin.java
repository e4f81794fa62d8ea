package org.idva.insights.web;

import java.util.List;
import java.util.Optional;
import org.idva.insights.schema.ServiceRegistry;
import org.idva.insights.store.Account;
import org.idva.insights.store.CaseStore;
import org.idva.insights.store.StoreException;

/**
 * Account management, the same for {@code insights users} and the analyst's user pages: add, list,
 * disable, enable and reset. A password is hashed here and never kept.
 */
public final class AccountAdmin {
  private final CaseStore store;
  private final ServiceRegistry registry;
  private final Passwords passwords;

  public AccountAdmin(CaseStore store, ServiceRegistry registry, int iterations) {
    this.store = store;
    this.registry = registry;
    this.passwords = new Passwords(iterations);
  }

  /** A rule an account change broke, in words for the person making it. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    public Refused(String message) {
      super(message);
    }
  }

  /**
   * Adds an account.
   *
   * @param service the service of a lead (must be registered), ignored for the analyst
   * @param password the password, or null to generate one
   * @return the password set (generated or given): show it once
   */
  public String add(String email, String service, boolean analyst, String password) throws Refused {
    String address = email == null ? "" : email.strip();
    if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || address.length() > 254) {
      throw new Refused("Enter an email address like name@service.example");
    }
    String code = null;
    if (!analyst) {
      code =
          registry
              .service(service)
              .map(ServiceRegistry.Service::code)
              .orElseThrow(() -> new Refused("Choose one of the registered services"));
    }
    String chosen = password == null ? Passwords.generate() : password;
    String weak = Passwords.weakness(chosen);
    if (weak != null) {
      throw new Refused(weak);
    }
    try {
      store.accounts().add(address, code, analyst, passwords.hash(chosen.toCharArray()));
    } catch (StoreException e) {
      if (store.accounts().find(address).isPresent()) {
        throw new Refused("There is already an account for " + address);
      }
      throw e;
    }
    return chosen;
  }

  /** Every account. */
  public List<Account> list() {
    return store.accounts().list();
  }

  /** The account with this address. */
  public Optional<Account> find(String email) {
    return store.accounts().find(email);
  }

  /** Disables or enables an account (its sessions end). */
  public void setDisabled(long id, boolean disabled) {
    store.accounts().setDisabled(id, disabled);
  }

  /**
   * Sets a new password (null: generate one) and ends the account's sessions.
   *
   * @return the password set: show it once
   */
  public String reset(long id, String password) throws Refused {
    String chosen = password == null ? Passwords.generate() : password;
    String weak = Passwords.weakness(chosen);
    if (weak != null) {
      throw new Refused(weak);
    }
    store.accounts().setPassword(id, passwords.hash(chosen.toCharArray()));
    return chosen;
  }
}
