package com.dialtone.switching.embedded;

import com.dialtone.switching.PartyState;
import com.dialtone.switching.ReleaseCause;
import com.dialtone.switching.SwitchRejection;
import com.dialtone.switching.SwitchRejection.Reason;

/**
 * A DN's calls seen together: a phone has one line in use at a time, so a DN is active (dialling or
 * established) in one call at a time. Dialling, answering or taking a call off hold puts the call the DN
 * was talking in on hold (call waiting); a request is refused while the DN is still dialling elsewhere,
 * whereas a device that answered or retrieved by itself has hung that call up already. Swapping holds one
 * call and retrieves the other. Read from the live index ({@link Calls#busyCallOf}); confined to the
 * switch loop.
 */
final class Lines {

    private final Calls calls;

    Lines(Calls calls) {
        this.calls = calls;
    }

    /**
     * Checks that {@code dn} may become active in a call other than {@code except} at a client's request:
     * refuses while it is dialling elsewhere.
     *
     * @return the call it is established in elsewhere, to hold with {@link #holdIn}; or null
     */
    Call makeRoomFor(String dn, Call except) {
        Call busy = calls.busyCallOf(dn, except);
        if (busy != null && busy.findActive(dn).state() == PartyState.DIALING) {
            throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, dn + " is still dialling in call " + busy.id() + "; hang it up first");
        }
        return busy;
    }

    /** Call waiting: the call {@code dn} was talking in (from {@link #makeRoomFor}) goes on hold. */
    void holdIn(Call call, String dn, Change change) {
        if (call != null) {
            call.hold(call.findActive(dn), change);
        }
    }

    /** A client may take {@code dn} off hold in {@code call} only while it is active nowhere else. */
    void requireIdleElsewhere(String dn, Call call) {
        Call other = calls.busyCallOf(dn, call);
        if (other != null) {
            throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, dn + " is active in call " + other.id()
                    + "; swap the calls, or hold or end that one first");
        }
    }

    /**
     * The party's device answered or took itself off hold in {@code call}: its other established call
     * goes on hold, one it was still dialling is hung up. External numbers have as many lines as they like.
     */
    void deviceTookLine(Party party, Call call, Change change) {
        if (!party.isInternal()) {
            return;
        }
        Call busy = calls.busyCallOf(party.number(), call);
        if (busy == null) {
            return;
        }
        Party there = busy.findActive(party.number());
        if (there.state() == PartyState.ESTABLISHED) {
            busy.hold(there, change);
        } else {
            busy.release(there, ReleaseCause.HANGUP, change);
        }
    }

    /** {@code dn} holds the call it is established in and retrieves the one it holds, in either order. */
    void swap(Call call, Call other, String dn, Change change) {
        if (call == other) {
            throw new SwitchRejection(Reason.INVALID_ARGUMENT, "a call cannot be swapped with itself");
        }
        Party mine = call.notMonitoring(call.activeParty(dn), "swap it");
        Party theirs = other.notMonitoring(other.activeParty(dn), "swap it");
        if (mine.state() == PartyState.ESTABLISHED && theirs.state() == PartyState.HELD) {
            call.hold(mine, change);
            other.retrieve(theirs, change);
        } else if (mine.state() == PartyState.HELD && theirs.state() == PartyState.ESTABLISHED) {
            other.hold(theirs, change);
            call.retrieve(mine, change);
        } else {
            throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, "calls " + call.id() + " and " + other.id()
                    + " are " + mine.state() + " and " + theirs.state() + " on " + dn + "; one must be established and the other held");
        }
    }
}
