package com.dialtone.switching.embedded;

import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.CallType;
import com.dialtone.switching.PartySnapshot;
import com.dialtone.switching.PartyState;
import com.dialtone.switching.ReleaseCause;
import com.dialtone.switching.SwitchRejection;
import com.dialtone.switching.SwitchRejection.Reason;
import com.dialtone.switching.UserData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A call and its parties: the state machine of the embedded switch. Confined to the switch loop, except
 * {@link #latest()}, which any thread may read.
 *
 * <p>Each request method checks everything first and throws {@link SwitchRejection} before it changes
 * anything; then it changes the parties through {@link #move}, which records one event per change.
 */
final class Call {

    private static final Pattern DTMF = Pattern.compile("[0-9*#]{1,64}");

    private final String id;
    private final String connId;
    private final CallType type;
    private final String ani;
    private final String dnis;
    private final String location;
    private final String parentCallId;
    private final Instant createdAt;
    private final List<Party> parties = new ArrayList<>(2);
    private UserData userData;
    private volatile CallSnapshot latest;

    Call(String[] ids, CallType type, String ani, String dnis, String location, String parentCallId,
         UserData userData, Instant createdAt) {
        this.id = ids[0];
        this.connId = ids[1];
        this.type = type;
        this.ani = ani;
        this.dnis = dnis;
        this.location = location;
        this.parentCallId = parentCallId;
        this.userData = userData;
        this.createdAt = createdAt;
    }

    String id() {
        return id;
    }

    Party addParty(String number, boolean internal, PartyState state, Change change) {
        Party party = new Party(number, internal, state, change.now());
        parties.add(party);
        change.partyStateChanged(this, party, null, null);
        return party;
    }

    /** The party of {@code number} that is still in the call. */
    Party activeParty(String number) {
        for (Party party : parties) {
            if (party.number().equals(number) && party.isActive()) {
                return party;
            }
        }
        throw new SwitchRejection(Reason.UNKNOWN_CALL, "call " + id + " has no party " + number);
    }

    List<Party> activeParties() {
        return parties.stream().filter(Party::isActive).toList();
    }

    boolean isEnded() {
        return parties.stream().noneMatch(Party::isActive);
    }

    // ---- requests ----

    /** The ringing party answers; whoever is dialling it is connected too. */
    void answer(String dn, Change change) {
        answer(requireState(activeParty(dn), "answered", PartyState.RINGING), change);
    }

    void answer(Party party, Change change) {
        move(party, PartyState.ESTABLISHED, null, change);
        for (Party other : activeParties()) {
            if (other.state() == PartyState.DIALING) {
                move(other, PartyState.ESTABLISHED, null, change);
            }
        }
    }

    void release(String dn, Change change) {
        release(activeParty(dn), ReleaseCause.HANGUP, change);
    }

    /** The party leaves; a call needs two parties, so if one would be left alone it is released too. */
    void release(Party party, ReleaseCause cause, Change change) {
        move(party, PartyState.RELEASED, cause, change);
        List<Party> remaining = activeParties();
        if (remaining.size() < 2) {
            ReleaseCause theirs = cause == ReleaseCause.HANGUP ? ReleaseCause.OTHER_PARTY_HUNG_UP : cause;
            remaining.forEach(other -> move(other, PartyState.RELEASED, theirs, change));
        }
    }

    void sendDtmf(String dn, String digits, Change change) {
        Party party = requireState(activeParty(dn), "used to send DTMF", PartyState.DIALING, PartyState.ESTABLISHED);
        if (digits == null || !DTMF.matcher(digits).matches()) {
            throw new SwitchRejection(Reason.INVALID_ARGUMENT,
                    "DTMF digits must be 1 to 64 of 0-9, * and #, was '" + digits + "'");
        }
        change.dtmfSent(this, party, digits);
    }

    void addUserData(String dn, UserData pairs, Change change) {
        activeParty(dn);
        userData = userData.with(pairs);
        change.userDataChanged(this);
    }

    void deleteUserData(String dn, Change change) {
        activeParty(dn);
        userData = UserData.empty();
        change.userDataChanged(this);
    }

    void deleteUserDataPair(String dn, String key, Change change) {
        activeParty(dn);
        if (!userData.containsKey(key)) {
            throw new SwitchRejection(Reason.INVALID_ARGUMENT, "call " + id + " has no user data key '" + key + "'");
        }
        userData = userData.without(key);
        change.userDataChanged(this);
    }

    // ---- state ----

    private void move(Party party, PartyState next, ReleaseCause cause, Change change) {
        PartyState previous = party.moveTo(next, change.now());
        change.partyStateChanged(this, party, previous, cause);
    }

    private Party requireState(Party party, String what, PartyState... allowed) {
        for (PartyState state : allowed) {
            if (party.state() == state) {
                return party;
            }
        }
        throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE,
                "call " + id + " cannot be " + what + " by " + party.number() + " while it is " + party.state());
    }

    /** Takes the snapshot that {@link #latest()} returns until the next change. */
    CallSnapshot takeSnapshot() {
        List<PartySnapshot> snapshots = parties.stream().map(Party::snapshot).toList();
        latest = new CallSnapshot(id, connId, type, ani, dnis, location, parentCallId, snapshots, userData, createdAt);
        return latest;
    }

    CallSnapshot latest() {
        return latest;
    }
}
