package com.dialtone.switching.embedded;

import com.dialtone.switching.CallType;
import com.dialtone.switching.PartyState;
import com.dialtone.switching.ReleaseCause;
import com.dialtone.switching.SwitchRejection;
import com.dialtone.switching.SwitchRejection.Reason;
import com.dialtone.switching.UserData;
import java.util.List;

/**
 * Consult calls: a DN holds the call it is in and calls someone else about it; completing the
 * consultation moves the consult call's other parties into the first call, by transfer or by conference.
 * A consult call is tied to the call it consults about, and a call has one at a time. Confined to the
 * switch loop.
 */
final class Consultation {

    private final Calls calls;
    private final Destinations destinations;
    private final Supervision supervision;

    Consultation(Calls calls, Destinations destinations, Supervision supervision) {
        this.calls = calls;
        this.destinations = destinations;
        this.supervision = supervision;
    }

    /** {@code dn} holds {@code callId}, if it is talking there, and dials the consult call. */
    Call initiate(String callId, String dn, String destination, UserData userData, String location, Change change) {
        Call parent = calls.existing(callId);
        Party mine = parent.requireState(parent.activeParty(dn), "consulted about", PartyState.ESTABLISHED, PartyState.HELD);
        parent.notMonitoring(mine, "consult about it");
        Destinations.Destination target = destinations.of(dn, destination);
        Destinations.requireNotIn(parent, target);
        Call consult = calls.consultOf(parent, dn);
        if (consult != null) {
            throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, "call " + callId + " already has the consult call " + consult.id());
        }
        Call busy = calls.busyCallOf(dn, parent);
        if (busy != null) {
            throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, dn + " is active in call " + busy.id() + "; hold or end it first");
        }
        if (mine.state() == PartyState.ESTABLISHED) {
            parent.hold(mine, change);
        }
        Call created = calls.create(CallType.CONSULT, dn, destination, location, parent.id(), parent.userData().with(userData), change);
        created.join(dn, true, PartyState.DIALING, null, change);
        destinations.ring(created, target, dn, change);
        return created;
    }

    /**
     * The consult call's other parties join the parent call, as they are (ringing or talking), and the
     * consult call ends. By transfer, {@code dn} leaves the parent too; by conference, it is taken off
     * hold there. The consult's user data (the parent's, plus what the consultation added) goes with them.
     * A consultation still at a routing point has nobody to hand over yet, so it cannot be completed.
     */
    void complete(String consultCallId, String dn, boolean transfer, Change change) {
        Call consult = calls.existing(consultCallId);
        Party mineInConsult = consult.notMonitoring(consult.activeParty(dn), "complete it");
        if (consult.parentCallId() == null) {
            throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, "call " + consultCallId + " is not a consult call");
        }
        if (consult.isRouting()) {
            throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, "consult call " + consultCallId + " is still at routing point "
                    + consult.routing().point().number() + "; wait until an agent answers it");
        }
        Call parent = calls.find(consult.parentCallId());
        if (parent == null || parent.findActive(dn) == null) {
            throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE,
                    "call " + consult.parentCallId() + ", which consult call " + consultCallId + " is about, has ended for " + dn);
        }
        Party mineInParent = parent.activeParty(dn);
        // Normally the parent is held and the consult active; after a swap it is the other way round.
        boolean parentHeld = mineInParent.state() == PartyState.HELD && mineInConsult.isBusy();
        if (!parentHeld && !(mineInConsult.state() == PartyState.HELD && mineInParent.state() == PartyState.ESTABLISHED)) {
            throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, "calls " + parent.id() + " and " + consultCallId + " are "
                    + mineInParent.state() + " and " + mineInConsult.state() + " on " + dn + "; one must be held and the other active");
        }
        List<Party> joining = consult.activeParties().stream().filter(p -> p != mineInConsult).toList();
        for (Party party : joining) {
            if (parent.findActive(party.number()) != null) {
                throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, party.number() + " is already a party of call " + parent.id());
            }
        }
        change.touched(consult); // the client hears of the consult call's end first, as in the GWS samples
        parent.mergeUserData(consult.userData());
        for (Party party : joining) {
            // On the same leg: its device goes on talking (or ringing), now in the parent call.
            Party joined = parent.joinFrom(party, party.state(), transfer ? null : dn, change);
            supervision.moved(parent, joined);
        }
        consult.end(p -> p == mineInConsult && transfer ? ReleaseCause.TRANSFERRED : ReleaseCause.MERGED, change);
        if (transfer) {
            parent.release(mineInParent, ReleaseCause.TRANSFERRED, change);
        } else if (parentHeld) {
            parent.retrieve(mineInParent, change);
        }
    }
}
