package com.dialtone.server.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes in the form {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (Base64), made with the
 * JDK's PBKDF2-HMAC-SHA256. The iteration count is part of the hash, so it can be raised later without
 * invalidating stored hashes. Passwords are never kept in memory once hashed.
 */
public final class PasswordHasher {

    /** About 50 ms per check on a 2-core laptop: paid once per login, not per request. */
    public static final int ITERATIONS = 120_000;

    private static final Pattern FORMAT = Pattern.compile("pbkdf2-sha256\\$(\\d{1,8})\\$([A-Za-z0-9+/=]+)\\$([A-Za-z0-9+/=]+)");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String DUMMY = hash("dummy".toCharArray());

    private PasswordHasher() {
    }

    public static String hash(char[] password) {
        return hash(password, ITERATIONS);
    }

    /**
     * A hash with fewer iterations than {@link #ITERATIONS}: only for generated test users (the load generator
     * logs in thousands of them, and what it measures is not the cost of a login).
     */
    public static String hash(char[] password, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] hash = pbkdf2(password, salt, iterations);
        Base64.Encoder base64 = Base64.getEncoder();
        return "pbkdf2-sha256$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    public static boolean isValidHash(String encoded) {
        return encoded != null && FORMAT.matcher(encoded).matches();
    }

    /** Checks a password; with a null hash (no such user) it still takes as long, so timing tells nothing. */
    public static boolean verify(char[] password, String encoded) {
        Matcher parts = FORMAT.matcher(encoded == null ? DUMMY : encoded);
        if (!parts.matches()) {
            return false;
        }
        Base64.Decoder base64 = Base64.getDecoder();
        byte[] salt = base64.decode(parts.group(2));
        byte[] expected = base64.decode(parts.group(3));
        byte[] actual = pbkdf2(password, salt, Integer.parseInt(parts.group(1)));
        return MessageDigest.isEqual(expected, actual) && encoded != null;
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
