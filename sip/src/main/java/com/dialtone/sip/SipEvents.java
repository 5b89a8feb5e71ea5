package com.dialtone.sip;

/**
 * What the phones and trunks do, as the SIP side tells the switch. Called on the SIP loop, one at a time and in
 * the order things happened; an implementation must not block (hand the event to the switch's own loop).
 */
public interface SipEvents {

    /** A phone registered (true) or its registration ended or lapsed (false). */
    default void registration(String dn, boolean registered) {
    }

    /**
     * A call came in: from a registered phone dialling on its handset ({@link SipLeg#kind()} PHONE, {@code from} its DN)
     * or from a trunk ({@code from} the caller's number, {@code to} the routing point or DN it reaches). The leg is
     * ringing until {@link SipService#answer} or {@link SipService#hangUp}.
     */
    default void incoming(SipLeg leg, String from, String to) {
    }

    /** The far end of an outgoing leg is alerting (180/183). */
    default void alerting(SipLeg leg) {
    }

    /** The far end of an outgoing leg answered (2xx); its media is known. */
    default void answered(SipLeg leg) {
    }

    /** An outgoing leg did not get through; the leg is over. */
    default void failed(SipLeg leg, Failure failure) {
    }

    /**
     * The leg ended from its side: a BYE, a CANCEL of an incoming call, or the phone or trunk vanished (no answer to
     * the keep-alive). The leg is over.
     */
    default void hungUp(SipLeg leg) {
    }

    /** The phone put the call on hold (true) or took it off hold (false) by itself. */
    default void holdChanged(SipLeg leg, boolean held) {
    }

    /** The end of the leg sent a DTMF digit (SIP INFO). */
    default void dtmf(SipLeg leg, char digit) {
    }

    /**
     * The phone asked to transfer its call (REFER). {@code target} is the number to transfer to; {@code replaces},
     * for an attended transfer (REFER with Replaces), the leg of the consultation whose other end takes its place,
     * otherwise null. Answer with {@link SipService#transferDone}.
     */
    default void transferRequested(SipLeg leg, String target, SipLeg replaces) {
    }

    /** Why an outgoing leg did not get through. */
    enum Failure {
        /** 486, 600: the phone or number is busy. */
        BUSY,
        /** 603, or a 4xx/5xx not listed here: refused. */
        REJECTED,
        /** 408, 480, 487 after our CANCEL, or no final answer in time. */
        NO_ANSWER,
        /** 404, 484, 604: no such number. */
        NOT_FOUND,
        /** The phone is not registered, or the trunk does not answer at all. */
        UNREACHABLE
    }
}
