package org.idva.insights.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down and then locks repeated failed sign-ins, the same way for an address that has an
 * account and one that has not (so the answers tell nothing about which addresses exist): after
 * {@link #LIMIT} failures within the window the address is locked for the lock time, and each
 * failure waits a little longer before it is answered. Addresses and client IPs are counted
 * separately; either locks.
 */
final class LoginThrottle {
  static final int LIMIT = 5;
  static final int IP_LIMIT = 50;
  static final Duration WINDOW = Duration.ofMinutes(15);
  static final Duration LOCK = Duration.ofMinutes(15);

  private record Failures(int count, Instant first, Instant lockedUntil) {}

  private final ConcurrentHashMap<String, Failures> byKey = new ConcurrentHashMap<>();
  private final Clock clock;

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** True when sign-in for this address, or from this IP, is locked now. */
  boolean locked(String email, String ip) {
    return lockedKey("e:" + key(email)) || lockedKey("i:" + ip);
  }

  /** Records a failure; returns how long to wait before answering. */
  Duration failed(String email, String ip) {
    int n = fail("e:" + key(email), LIMIT);
    fail("i:" + ip, IP_LIMIT);
    return Duration.ofMillis(Math.min(2000, 200L * n));
  }

  /** A successful sign-in clears the address's failures. */
  void succeeded(String email) {
    byKey.remove("e:" + key(email));
  }

  private boolean lockedKey(String key) {
    Failures f = byKey.get(key);
    return f != null && f.lockedUntil() != null && clock.instant().isBefore(f.lockedUntil());
  }

  private int fail(String key, int limit) {
    Instant now = clock.instant();
    Failures f =
        byKey.compute(
            key,
            (k, old) -> {
              if (old == null
                  || (old.lockedUntil() == null && now.isAfter(old.first().plus(WINDOW)))
                  || (old.lockedUntil() != null && !now.isBefore(old.lockedUntil()))) {
                return new Failures(1, now, null);
              }
              int count = old.count() + 1;
              return new Failures(count, old.first(), count >= limit ? now.plus(LOCK) : null);
            });
    return f.count();
  }

  private static String key(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }
}
