package org.idva.insights.store;

import java.time.Instant;

/**
 * One entry of the web page's audit log: who did what, when, from which address. Never holds
 * personal data from returns (file names and case references stay out of {@code detail}).
 *
 * @param actor the account's e-mail address (or the address typed at a failed sign-in)
 * @param address the client's IP address
 * @param action e.g. {@code sign-in}, {@code upload}, {@code download}
 * @param service the service the action concerns, or null
 */
public record AuditEvent(
    long id,
    Instant at,
    String actor,
    String address,
    String action,
    String service,
    String detail) {}
