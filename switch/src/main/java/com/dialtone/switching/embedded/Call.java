package com.dialtone.switching.embedded;

import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.CallType;
import com.dialtone.switching.PartySnapshot;
import com.dialtone.switching.PartyState;
import com.dialtone.switching.RecordingState;
import com.dialtone.switching.ReleaseCause;
import com.dialtone.switching.SwitchRejection;
import com.dialtone.switching.SwitchRejection.Reason;
import com.dialtone.switching.UserData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A call and its parties: the state machine of one call. Confined to the switch loop, except
 * {@link #latest()}, which any thread may read. Requests that span two calls (consultation, swap) and
 * the rule that a DN is active in one call at a time belong to {@link EmbeddedSwitch}.
 *
 * <p>Each request method checks everything first and throws {@link SwitchRejection} before it changes
 * anything; then it changes the parties through {@link #move}, which records one event per change.
 */
final class Call {

    private static final Pattern DTMF = Pattern.compile("[0-9*#]{1,64}");
    /** The key under which SIP Server shows the recording state in the call's user data. */
    static final String RECORDING_KEY = "GSIP_RECORD";

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
    private RecordingState recording;
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

    String parentCallId() {
        return parentCallId;
    }

    UserData userData() {
        return userData;
    }

    /**
     * A new party joins the call.
     *
     * @param addedBy the DN to tell if the party does not get through, or null
     */
    Party join(String number, boolean internal, PartyState state, String addedBy, Change change) {
        if (findActive(number) != null) {
            throw new SwitchRejection(Reason.INVALID_DESTINATION, number + " is already a party of call " + id);
        }
        Party party = new Party(number, internal, state, addedBy, change.now());
        parties.add(party);
        change.partyStateChanged(this, party, null, null);
        return party;
    }

    /** The party of {@code number} that is still in the call. */
    Party activeParty(String number) {
        Party party = findActive(number);
        if (party == null) {
            throw new SwitchRejection(Reason.UNKNOWN_CALL, "call " + id + " has no party " + number);
        }
        return party;
    }

    Party findActive(String number) {
        for (Party party : parties) {
            if (party.number().equals(number) && party.isActive()) {
                return party;
            }
        }
        return null;
    }

    List<Party> activeParties() {
        return parties.stream().filter(Party::isActive).toList();
    }

    boolean isEnded() {
        return parties.stream().noneMatch(Party::isActive);
    }

    // ---- requests ----

    /** The ringing party answers; whoever is dialling it is connected too. */
    void answer(Party party, Change change) {
        requireState(party, "answered", PartyState.RINGING);
        move(party, PartyState.ESTABLISHED, null, change);
        for (Party other : activeParties()) {
            if (other.state() == PartyState.DIALING) {
                move(other, PartyState.ESTABLISHED, null, change);
            }
        }
    }

    void reject(String dn, Change change) {
        release(requireState(activeParty(dn), "rejected", PartyState.RINGING), ReleaseCause.REJECTED, change);
    }

    void release(String dn, Change change) {
        release(activeParty(dn), ReleaseCause.HANGUP, change);
    }

    /**
     * The party leaves. A call needs two parties, one of them on this switch (simulated far ends have
     * nothing to say to each other), so when that is no longer so, everyone else is released too. If
     * the party did not get through, whoever called it is told first.
     */
    void release(Party party, ReleaseCause cause, Change change) {
        if (cause.isFailure() && party.addedBy() != null) {
            Party requester = findActive(party.addedBy());
            if (requester != null) {
                change.destinationFailed(this, requester, party.number(), cause);
            }
        }
        move(party, PartyState.RELEASED, cause, change);
        List<Party> remaining = activeParties();
        if (remaining.size() < 2 || remaining.stream().noneMatch(Party::isInternal)) {
            ReleaseCause theirs = cause == ReleaseCause.HANGUP ? ReleaseCause.OTHER_PARTY_HUNG_UP : cause;
            end(p -> theirs, change);
        }
    }

    /** Releases every party still in the call, each with its own cause. */
    void end(Function<Party, ReleaseCause> cause, Change change) {
        for (Party party : activeParties()) {
            move(party, PartyState.RELEASED, cause.apply(party), change);
        }
        if (recording == RecordingState.RECORDING || recording == RecordingState.PAUSED) {
            recording = RecordingState.STOPPED; // recording stops with the call
        }
    }

    void hold(Party party, Change change) {
        requireState(party, "held", PartyState.ESTABLISHED);
        move(party, PartyState.HELD, null, change);
    }

    void retrieve(Party party, Change change) {
        requireState(party, "retrieved", PartyState.HELD);
        move(party, PartyState.ESTABLISHED, null, change);
    }

    void setMuted(String dn, boolean muted, Change change) {
        Party party = requireState(activeParty(dn), muted ? "muted" : "unmuted", PartyState.ESTABLISHED);
        if (party.isMuted() == muted) {
            throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, dn + " is already " + (muted ? "muted" : "unmuted") + " in call " + id);
        }
        party.setMuted(muted);
        change.muteChanged(this, party);
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

    /** Adds pairs without an event of its own: the change that merges them tells every party anyway. */
    void mergeUserData(UserData pairs) {
        userData = userData.with(pairs);
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

    void setRecording(String dn, RecordingState next, Change change) {
        requireState(activeParty(dn), "recorded", PartyState.ESTABLISHED);
        RecordingState current = recording == null ? RecordingState.STOPPED : recording;
        if (!current.canMoveTo(next)) {
            throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE,
                    "the recording of call " + id + " is " + current + "; it cannot become " + next);
        }
        recording = next;
        userData = switch (next) {
            case RECORDING -> userData.with(Map.of(RECORDING_KEY, "ON"));
            case PAUSED -> userData.with(Map.of(RECORDING_KEY, "PAUSED"));
            case STOPPED -> userData.without(RECORDING_KEY);
        };
        change.recordingChanged(this);
    }

    /** Takes another party out of a conference (three or more parties). */
    void removeParty(String dn, String number, Change change) {
        requireState(activeParty(dn), "used to remove a participant", PartyState.ESTABLISHED);
        if (activeParties().size() < 3) {
            throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, "call " + id + " is not a conference; hang up instead");
        }
        Party party = findActive(number);
        if (party == null || number.equals(dn)) {
            throw new SwitchRejection(Reason.INVALID_ARGUMENT, "call " + id + " has no other participant " + number);
        }
        release(party, ReleaseCause.REMOVED, change);
    }

    // ---- state ----

    private void move(Party party, PartyState next, ReleaseCause cause, Change change) {
        PartyState previous = party.moveTo(next, change.now());
        change.partyStateChanged(this, party, previous, cause);
    }

    Party requireState(Party party, String what, PartyState... allowed) {
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
        latest = new CallSnapshot(id, connId, type, ani, dnis, location, parentCallId, snapshots, userData, recording, createdAt);
        return latest;
    }

    CallSnapshot latest() {
        return latest;
    }
}
