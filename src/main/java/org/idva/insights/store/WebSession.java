package org.idva.insights.store;

import java.time.Instant;

/**
 * A signed-in browser: its account, the token every form must carry, and when it was last used.
 *
 * @param tokenHash the SHA-256 (hex) of the session id in the browser's cookie
 */
public record WebSession(
    String tokenHash, Account account, String csrfToken, Instant created, Instant lastSeen) {}
