package com.dialtone.switching.endpoint;

/**
 * What a device did, reported to the switch: the inbound half of an {@link Endpoint}. Every method may be
 * called from any thread and returns at once; each report becomes a unit of work of its own on the
 * switch's thread, in the order reported. A report that does not apply to the party as it is by then (an
 * answer from a party that is no longer ringing, anything from a leg that has ended) changes nothing.
 */
public interface Progress {

    /**
     * The device answered. A ringing party is connected, together with whoever is dialling it; a DN's other
     * call it was talking in goes on hold, and one it was still dialling is hung up (a phone has one line
     * in use at a time). For a dialling party (its phone took the call the switch placed from it) the call
     * model has nothing to change: it dials until the destination answers.
     */
    void answered();

    /** The device is busy, or cannot be reached: a ringing or dialling party is released as busy. */
    void busy();

    /** Nobody answered in time: a ringing or dialling party is released with no answer. */
    void noAnswer();

    /** The device refused the call while it rang (603 Decline): the party is released as rejected. */
    void declined();

    /** The device hung up: the party leaves the call, and the call ends if it cannot go on without it. */
    void hungUp();

    /** The device put itself on hold: an established party becomes held. */
    void held();

    /**
     * The device took itself off hold: a held party becomes established; a DN's other established call goes
     * on hold, and one it was still dialling is hung up.
     */
    void retrieved();

    /**
     * The device sent DTMF digits (keyed in, RFC 4733 or SIP {@code INFO}): every DN established in the call
     * is told, with this leg's number as the sender.
     *
     * @throws IllegalArgumentException if the digits are not 1 to 64 of 0-9, * and #
     */
    void dtmf(String digits);
}
