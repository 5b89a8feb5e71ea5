package com.dialtone.switching;

/**
 * A DN's own state changed: its agent's state, do-not-disturb, forwarding or monitoring. Emitted for every
 * accepted request about the DN, even one that leaves the state as it was (a client that asks for Ready
 * expects to hear it is Ready).
 *
 * @param startedNanos {@link System#nanoTime()} when the switch began the work that caused this event
 */
public record DnEvent(DnSnapshot state, long startedNanos) {

    public String dn() {
        return state.dn();
    }
}
