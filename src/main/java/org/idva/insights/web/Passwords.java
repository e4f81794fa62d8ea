package org.idva.insights.web;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Slow salted password hashes: PBKDF2 with HMAC-SHA-256 (OWASP's 600,000 iterations by default), a
 * 16-byte random salt, stored as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} so a hash made
 * with other iterations still verifies.
 */
public final class Passwords {
  /** OWASP Password Storage Cheat Sheet, PBKDF2-HMAC-SHA256. */
  public static final int DEFAULT_ITERATIONS = 600_000;

  /** Shortest password accepted (ASVS 2.1.1: at least 12 characters). */
  public static final int MIN_LENGTH = 12;

  private static final String PREFIX = "pbkdf2-sha256";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String WORDS = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private final int iterations;

  public Passwords(int iterations) {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be positive");
    }
    this.iterations = iterations;
  }

  /** The hash to store for a password. */
  public String hash(char[] password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    byte[] hash = derive(password, salt, iterations);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return PREFIX
        + "$"
        + iterations
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(hash);
  }

  /** True when the password matches the stored hash (compared in constant time). */
  public boolean verify(char[] password, String stored) {
    String[] parts = stored == null ? new String[0] : stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals(PREFIX)) {
      return false;
    }
    int n;
    try {
      n = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      return false;
    }
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    byte[] expected = Base64.getDecoder().decode(parts[3]);
    return MessageDigest.isEqual(expected, derive(password, salt, n));
  }

  /** Why a password is not acceptable, or null when it is. */
  public static String weakness(String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return "Enter a password of at least " + MIN_LENGTH + " characters";
    }
    if (password.length() > 256) {
      return "Enter a password of at most 256 characters";
    }
    return null;
  }

  /** A random password of 20 characters (about 116 bits), easy to copy. */
  public static String generate() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      s.append(WORDS.charAt(RANDOM.nextInt(WORDS.length())));
    }
    return s.toString();
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
      try {
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
            .generateSecret(spec)
            .getEncoded();
      } finally {
        spec.clearPassword();
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
    }
  }
}
