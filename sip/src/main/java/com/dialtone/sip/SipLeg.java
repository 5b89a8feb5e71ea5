package com.dialtone.sip;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;

/**
 * One SIP dialog between Dialtone and a phone or a trunk: one party's line in one call. Dialtone is a
 * back-to-back user agent: it never relays media, it tells each end where the other end's media is (third-party
 * call control, RFC 3725), so a leg remembers the media its end gave ({@link #remoteSdp}) and what it was last
 * given ({@link #sentSdp}). Confined to the SIP loop, except the read-only identity.
 */
public final class SipLeg {

    public enum Kind { PHONE, TRUNK }

    public enum State { CALLING, EARLY, CONFIRMED, ENDED }

    private final String id;
    private final Kind kind;
    private final String number;
    private final boolean outgoing;
    private final long sdpSessionId = System.nanoTime() & 0xffffffffL;
    private long sdpVersion;
    State state = State.CALLING;
    Dialog dialog;
    ClientTransaction invite;
    ServerTransaction incomingInvite;
    /** The media its end described, in its last offer or answer. */
    Sdp remoteSdp;
    /** What Dialtone last gave its end. */
    Sdp sentSdp;
    /** The leg whose media this leg's end should be connected to, or null. */
    SipLeg peer;
    /** Put on hold by Dialtone: its end is given the peer's media inactive. */
    boolean held;
    /** A re-INVITE of ours is under way; another waits until it is done. */
    boolean reinviting;
    boolean cancelWhenProvisional;
    /** The ACK of an offerless INVITE's answer, held until the peer's media is known (RFC 3725 flow I). */
    javax.sip.message.Request pendingAck;
    /** INVITEs of other legs waiting for this leg's media (the re-INVITE flow's second leg waits for the first). */
    final java.util.List<Runnable> waiting = new java.util.ArrayList<>(1);
    long lastKeepAliveAnswer = System.nanoTime();
    boolean keepAlivePending;

    SipLeg(String id, Kind kind, String number, boolean outgoing) {
        this.id = id;
        this.kind = kind;
        this.number = number;
        this.outgoing = outgoing;
    }

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    /** The DN of the phone, or the external number at the trunk. */
    public String number() {
        return number;
    }

    public boolean isOutgoing() {
        return outgoing;
    }

    public State state() {
        return state;
    }

    /** The media its end last described; null before it did. */
    public Sdp remoteSdp() {
        return remoteSdp;
    }

    /** The session description to send on this leg: the given media under this leg's own origin, one version up. */
    Sdp stamp(Sdp media, String host) {
        return media.withOrigin(sdpSessionId, ++sdpVersion, host);
    }

    @Override
    public String toString() {
        return "leg " + id + " (" + kind + " " + number + ", " + state + ")";
    }
}
