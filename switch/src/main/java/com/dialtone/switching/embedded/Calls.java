package com.dialtone.switching.embedded;

import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.CallType;
import com.dialtone.switching.PartyState;
import com.dialtone.switching.SwitchRejection;
import com.dialtone.switching.SwitchRejection.Reason;
import com.dialtone.switching.UserData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live calls, and which of them a DN is in. A call lives here from its creation until its last
 * party is released; its final snapshot, with every party released, goes out with the last events and
 * then the call is forgotten.
 *
 * <p>The calls themselves are confined to the switch loop; their published snapshots may be read by any
 * thread (see {@link SnapshotIndex}).
 */
final class Calls {

    private final CallIds ids = new CallIds();
    private final Map<String, Call> calls = new HashMap<>();
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
        return snapshots.byDn(dn).stream().map(s -> calls.get(s.id())).filter(c -> c != null).toList();
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

    /** True while {@code dn} is a party, not yet released, of any call, as last published. */
    boolean hasCalls(String dn) {
        return snapshots.hasCalls(dn);
    }

    int count() {
        return snapshots.size();
    }
}
