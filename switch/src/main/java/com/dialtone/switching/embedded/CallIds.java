package com.dialtone.switching.embedded;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes call ids shaped like T-Server's: a 32-character CallUUID ({@code 012PUFMMS0ASNAK48O7GK2LAES000004})
 * and a 16-hex-digit ConnID ({@code 007102719260b004}). A random prefix per switch start keeps ids from
 * one run from colliding with those a client remembers from the previous run.
 */
final class CallIds {

    private static final char[] BASE32 = "0123456789ABCDEFGHIJKLMNOPQRSTUV".toCharArray();

    private final String uuidPrefix;
    private final long connIdBase;
    private final AtomicLong sequence = new AtomicLong();

    CallIds() {
        SecureRandom random = new SecureRandom();
        StringBuilder prefix = new StringBuilder(22);
        for (int i = 0; i < 22; i++) {
            prefix.append(BASE32[random.nextInt(32)]);
        }
        uuidPrefix = prefix.toString();
        // 24 random bits at the top, 40 bits of sequence: unique for a trillion calls per run.
        connIdBase = (random.nextLong() & 0xFFFFFFL) << 40;
    }

    /** Returns a new {@code [callUuid, connId]} pair. */
    String[] next() {
        long n = sequence.incrementAndGet();
        StringBuilder uuid = new StringBuilder(32).append(uuidPrefix);
        for (int shift = 45; shift >= 0; shift -= 5) {
            uuid.append(BASE32[(int) ((n >>> shift) & 31)]);
        }
        return new String[] {uuid.toString(), String.format("%016x", connIdBase | n)};
    }
}
