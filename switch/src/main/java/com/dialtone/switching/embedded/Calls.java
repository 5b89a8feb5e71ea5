package com.dialtone.switching.embedded;

import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.CallType;
import com.dialtone.switching.PartyState;
import com.dialtone.switching.SwitchRejection;
import com.dialtone.switching.SwitchRejection.Reason;
import com.dialtone.switching.UserData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live calls, and which of them a DN is in. A call lives here from its creation until its last
 * party is released; its final snapshot, with every party released, goes out with the last events and
 * then the call is forgotten.
 *
 * <p>Two indexes of the same calls, for two kinds of reader. The live one ({@link #busyCallOf},
 * {@link #consultOf}, {@link #hasCalls}, ...) follows every party move as it is made and is confined to
 * the switch loop: the rules check the calls as they are in the middle of a change. The published one
 * ({@link SnapshotIndex}: {@link #snapshot}, {@link #snapshotsAt}) holds each call's snapshot as the last
 * finished change left it and serves every other thread; the switch never reads it.
 */
final class Calls {

    private final CallIds ids = new CallIds();
    private final Map<String, Call> calls = new HashMap<>();
    /** Per DN, the live calls in which it has a party not yet released, oldest first. */
    private final Map<String, List<Call>> byDn = new HashMap<>();
    private final SnapshotIndex snapshots = new SnapshotIndex();

    Call create(CallType type, String ani, String dnis, String location, String parentCallId, UserData userData, Change change) {
        Call call = new Call(ids.next(), type, ani, dnis, location, parentCallId, userData, change.now());
        calls.put(call.id(), call);
        return call;
    }

    Call existing(String callId) {
        Call call = calls.get(callId);
        if (call == null) {
            throw new SwitchRejection(Reason.UNKNOWN_CALL, "no call " + callId);
        }
        return call;
    }

    /** The live call of this id, or null. */
    Call find(String callId) {
        return calls.get(callId);
    }

    /** The call other than {@code except} in which {@code dn} is dialling or established, if any. */
    Call busyCallOf(String dn, Call except) {
        for (Call call : callsOf(dn)) {
            Party party = call.findActive(dn);
            if (call != except && party != null && party.isBusy()) {
                return call;
            }
        }
        return null;
    }

    /** The call in which {@code dn} is established, if any. */
    Call establishedCallOf(String dn) {
        for (Call call : callsOf(dn)) {
            Party party = call.findActive(dn);
            if (party != null && party.state() == PartyState.ESTABLISHED) {
                return call;
            }
        }
        return null;
    }

    /** The live consult call {@code dn} made about {@code parent}, if any. */
    Call consultOf(Call parent, String dn) {
        for (Call call : callsOf(dn)) {
            if (parent.id().equals(call.parentCallId()) && call.findActive(dn) != null) {
                return call;
            }
        }
        return null;
    }

    private List<Call> callsOf(String dn) {
        List<Call> of = byDn.get(dn);
        return of == null ? List.of() : of;
    }

    /** Keeps the live index up to date with one party move, as the change makes it (see {@link Change}). */
    void moved(Call call, Party party, PartyState previous) {
        if (!party.isInternal()) {
            return;
        }
        if (previous == null) {
            List<Call> of = byDn.computeIfAbsent(party.number(), dn -> new ArrayList<>(2));
            if (!of.contains(call)) {
                of.add(call);
            }
        } else if (party.state() == PartyState.RELEASED) {
            List<Call> of = byDn.get(party.number());
            if (of != null && call.findActive(party.number()) == null) {
                of.remove(call); // the empty list stays for the DN's next call
            }
        }
    }

    /** True while {@code dn} is a party, not yet released, of any call; live. */
    boolean hasCalls(String dn) {
        List<Call> of = byDn.get(dn);
        return of != null && !of.isEmpty();
    }

    /** The DN is gone (it had no calls left): its place in the index goes too. */
    void forget(String dn) {
        byDn.remove(dn);
    }

    /** Publishes the calls' latest snapshots; an ended call is forgotten. */
    void publish(Iterable<Call> changed) {
        for (Call call : changed) {
            snapshots.publish(call.latest());
            if (call.isEnded()) {
                calls.remove(call.id());
            }
        }
    }

    // ---- reading, from any thread ----

    Optional<CallSnapshot> snapshot(String callId) {
        return snapshots.byId(callId);
    }

    List<CallSnapshot> snapshotsAt(String dn) {
        return snapshots.byDn(dn);
    }

    int count() {
        return snapshots.size();
    }
}
