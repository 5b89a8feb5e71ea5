package com.dialtone.sip;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SIP digest authentication (RFC 2617 / 3261 §22, MD5, qop "auth" or none) against a stored HA1, so Dialtone
 * never keeps a phone's password. Nonces are stateless: a time and an HMAC of it under a key made at start,
 * so any nonce this server handed out in the last {@link #NONCE_LIFETIME} is good and a forged or old one is not.
 */
public final class Digest {

    static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);

    private final byte[] key = new byte[32];
    private final Clock clock;

    public Digest(Clock clock) {
        new SecureRandom().nextBytes(key);
        this.clock = clock;
    }

    /** {@code MD5(user:realm:password)} in lower-case hex: what the configuration stores for a phone. */
    public static String ha1(String user, String realm, String password) {
        return md5(user + ":" + realm + ":" + password);
    }

    public static boolean isHa1(String value) {
        return value != null && value.matches("[0-9a-f]{32}");
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String newNonce() {
        long now = clock.millis();
        byte[] time = ByteBuffer.allocate(8).putLong(now).array();
        byte[] mac = mac(time);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(8 + mac.length).put(time).put(mac).array());
    }

    enum NonceCheck { GOOD, STALE, FORGED }

    NonceCheck check(String nonce) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return NonceCheck.FORGED;
        }
        if (raw.length != 8 + 32) {
            return NonceCheck.FORGED;
        }
        byte[] time = java.util.Arrays.copyOf(raw, 8);
        byte[] mac = java.util.Arrays.copyOfRange(raw, 8, raw.length);
        if (!MessageDigest.isEqual(mac, mac(time))) {
            return NonceCheck.FORGED;
        }
        long age = clock.millis() - ByteBuffer.wrap(time).getLong();
        return age >= 0 && age <= NONCE_LIFETIME.toMillis() ? NonceCheck.GOOD : NonceCheck.STALE;
    }

    /**
     * Whether the client's {@code response} proves it knows the password behind {@code ha1}.
     *
     * @param qop null for the RFC 2069 form, otherwise "auth"; {@code nc} and {@code cnonce} go with it
     */
    static boolean verify(String ha1, String method, String uri, String nonce, String qop, String nc, String cnonce, String response) {
        if (response == null || uri == null) {
            return false;
        }
        String ha2 = md5(method + ":" + uri);
        String expected = qop == null ? md5(ha1 + ":" + nonce + ":" + ha2)
                : md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                response.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] mac(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
