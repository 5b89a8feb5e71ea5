package com.dialtone.switching.embedded;

import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.CallType;
import com.dialtone.switching.Monitoring;
import com.dialtone.switching.MonitoringMode;
import com.dialtone.switching.Numbers;
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

/**
 * A call and its parties: the state machine of one call. Confined to the switch loop, except
 * {@link #latest()}, which any thread may read. Requests that span two calls (consultation, swap) and
 * the rule that a DN is active in one call at a time belong to {@link EmbeddedSwitch}.
 *
 * <p>Each request method checks everything first and throws {@link SwitchRejection} before it changes
 * anything; then it changes the parties through {@link #move}, which records one event per change.
 */
final class Call {

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
    private Routing routing;
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

    /** The call's stay at a routing point, until an agent answers it; null when it is not at one. */
    Routing routing() {
        return routing;
    }

    boolean isRouting() {
        return routing != null;
    }

    void startRouting(Routing routing) {
        this.routing = routing;
    }

    void endRouting() {
        routing = null;
    }

    String ani() {
        return ani;
    }

    String dnis() {
        return dnis;
    }

    /**
     * A new party joins the call, on a new leg to the device that plays its number.
     *
     * @param addedBy the DN to tell if the party does not get through, or null
     */
    Party join(String number, boolean internal, PartyState state, String addedBy, Change change) {
        return add(new Party(number, internal, state, addedBy, change.now()), change);
    }

    /**
     * A party that was in another call goes on here, on its leg there: a consultation completed. It
     * keeps what {@link Party#carryOver} says.
     */
    Party joinFrom(Party from, PartyState state, String addedBy, Change change) {
        Party party = new Party(from.number(), from.isInternal(), state, addedBy, change.now());
        party.carryOver(from);
        party.leg().movedTo(this, party);
        return add(party, change);
    }

    /**
     * The caller of a call its own device made (a customer calling in, a handset dialling): it joins
     * dialling, on a leg to that device, which is not asked to dial.
     */
    Party joinCaller(String number, boolean internal, com.dialtone.switching.endpoint.Endpoint endpoint, Object attachment, Change change) {
        Party party = new Party(number, internal, PartyState.DIALING, null, change.now());
        party.setLeg(new SwitchLeg(endpoint, change.work(), this, party, true, attachment));
        return add(party, change);
    }

    /**
     * A DN with do-not-disturb on joins, ringing, only to be released as busy: like a busy far end, it is
     * in the call for a moment so that its caller hears why it failed, but its own phone never rings.
     */
    Party joinUnheard(String dn, String addedBy, Change change) {
        Party party = new Party(dn, true, PartyState.RINGING, addedBy, change.now());
        party.setUnheard();
        return add(party, change);
    }

    /** A supervisor joins to monitor the call: ringing, and nobody to tell if it does not answer. */
    Party joinMonitoring(String dn, Monitoring monitoring, Change change) {
        Party party = new Party(dn, true, PartyState.RINGING, null, change.now());
        party.setMonitoring(monitoring);
        return add(party, change);
    }

    private Party add(Party party, Change change) {
        if (findActive(party.number()) != null) {
            throw new SwitchRejection(Reason.INVALID_DESTINATION, party.number() + " is already a party of call " + id);
        }
        if (party.leg() == null) {
            party.setLeg(change.newLeg(this, party));
        }
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

    /** Every party that ever joined, released ones included, in order of joining; not to be changed. */
    List<Party> parties() {
        return parties;
    }

    List<Party> activeParties() {
        return parties.stream().filter(Party::isActive).toList();
    }

    boolean isEnded() {
        return parties.stream().noneMatch(Party::isActive);
    }

    // ---- requests ----

    /**
     * The ringing party answers; whoever is dialling it is connected too. A supervisor answering its
     * monitoring call connects only itself: nobody was dialling it.
     */
    void answer(Party party, Change change) {
        requireState(party, "answered", PartyState.RINGING);
        move(party, PartyState.ESTABLISHED, null, change);
        if (party.isMonitoring()) {
            return;
        }
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

    /** Everyone leaves at once: {@code dn} hangs up, the others are released as when the other side hangs up. */
    void clear(String dn, Change change) {
        Party requester = activeParty(dn);
        end(party -> party == requester ? ReleaseCause.HANGUP : ReleaseCause.OTHER_PARTY_HUNG_UP, change);
    }

    /**
     * The party leaves; when the call cannot go on without it, everyone else is released too. If the
     * party did not get through, whoever called it is told first.
     */
    void release(Party party, ReleaseCause cause, Change change) {
        if (cause.isFailure() && party.addedBy() != null) {
            Party requester = findActive(party.addedBy());
            if (requester != null) {
                change.destinationFailed(this, requester, party.number(), cause);
            }
        }
        move(party, PartyState.RELEASED, cause, change);
        if (!canGoOn()) {
            ReleaseCause theirs = cause == ReleaseCause.HANGUP ? ReleaseCause.OTHER_PARTY_HUNG_UP : cause;
            end(p -> theirs, change);
        }
    }

    /**
     * A call needs two parties, one of them on this switch (simulated far ends have nothing to say to
     * each other). Monitoring supervisors don't count: they are there for the others' conversation. While
     * the call is at a routing point, the routing point stands for the agent it waits for, together with
     * the agent it is being offered to, so an offer that comes to nothing leaves the call waiting.
     */
    private boolean canGoOn() {
        int count = 0;
        boolean internal = false;
        for (Party party : parties) {
            if (party.isActive() && !party.isMonitoring() && (routing == null || party != routing.offer())) {
                count++;
                internal |= party.isInternal();
            }
        }
        if (routing != null) {
            count++;
            internal = true;
        }
        return count >= 2 && internal;
    }

    /** Releases every party still in the call, each with its own cause. */
    void end(Function<Party, ReleaseCause> cause, Change change) {
        for (Party party : activeParties()) {
            move(party, PartyState.RELEASED, cause.apply(party), change);
        }
        if (recording == RecordingState.RECORDING || recording == RecordingState.PAUSED) {
            moveRecordingTo(RecordingState.STOPPED); // recording stops with the call
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
        if (!Numbers.isDtmf(digits)) {
            throw new SwitchRejection(Reason.INVALID_ARGUMENT, "DTMF digits must be " + Numbers.DTMF_SHAPE + ", was '" + digits + "'");
        }
        change.dtmfSent(this, party, dn, digits);
        change.digitsPlayed(this, party, digits);
    }

    void addUserData(String dn, UserData pairs, Change change) {
        activeParty(dn);
        UserData merged = userData.with(pairs);
        if (merged.isTooLarge()) {
            throw new SwitchRejection(Reason.INVALID_ARGUMENT, "the attached data of call " + id + " would be " + merged.size()
                    + " bytes; the limit is " + UserData.MAX_BYTES);
        }
        userData = merged;
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
        moveRecordingTo(next);
        userData = switch (next) {
            case RECORDING -> userData.with(Map.of(RECORDING_KEY, "ON"));
            case PAUSED -> userData.with(Map.of(RECORDING_KEY, "PAUSED"));
            case STOPPED -> userData.without(RECORDING_KEY);
        };
        change.recordingChanged(this);
    }

    /** Takes another party out of a conference (three or more parties). */
    void removeParty(String dn, String number, Change change) {
        notMonitoring(requireState(activeParty(dn), "used to remove a participant", PartyState.ESTABLISHED), "remove a participant");
        // A monitoring supervisor neither makes a call a conference nor is removed by its parties: it leaves by itself.
        if (activeParties().stream().filter(p -> p.monitoring() == null).count() < 3) {
            throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, "call " + id + " is not a conference; hang up instead");
        }
        Party party = findActive(number);
        if (party == null || number.equals(dn) || party.monitoring() != null) {
            throw new SwitchRejection(Reason.INVALID_ARGUMENT, "call " + id + " has no other participant " + number);
        }
        release(party, ReleaseCause.REMOVED, change);
    }

    // ---- monitoring ----

    /** Listen-in and barge-in switch either way; a coach may switch to either; nobody switches to coaching. */
    void setMonitoringMode(String dn, MonitoringMode mode, Change change) {
        Party supervisor = monitoringParty(dn, "change its monitoring mode");
        if (mode == null) {
            throw new SwitchRejection(Reason.INVALID_ARGUMENT, "a monitoring mode is required");
        }
        Monitoring current = supervisor.monitoring();
        if (mode == current.mode()) {
            throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, dn + " is already in " + mode + " in call " + id);
        }
        if (mode == MonitoringMode.COACH) {
            throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, "a supervisor can start coaching, not switch to it");
        }
        supervisor.setMonitoring(new Monitoring(current.targetDn(), mode, current.scope(), current.nextCallOnly()));
        change.monitoringChanged(this, supervisor);
        if (mode == MonitoringMode.BARGE_IN || current.mode() == MonitoringMode.BARGE_IN) {
            change.participantsChanged(this, supervisor); // a supervisor who barges in is a participant
        }
    }

    /** The supervisor takes over the call from the agent it monitors, or gives it back. */
    void setMonitoredPartyMuted(String dn, boolean muted, Change change) {
        Party supervisor = monitoringParty(dn, muted ? "mute the monitored party" : "unmute the monitored party");
        String target = supervisor.monitoring().targetDn();
        Party monitored = findActive(target);
        if (monitored == null) {
            throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, target + ", whom " + dn + " monitors, is not in call " + id);
        }
        if (monitored.isMutedBySupervisor() == muted) {
            throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, target + " is already " + (muted ? "muted" : "unmuted") + " by " + dn);
        }
        monitored.setMutedBySupervisor(muted);
        change.monitoredPartyMuteChanged(this, supervisor);
        change.monitoredPartyMuteChanged(this, monitored);
    }

    private Party monitoringParty(String dn, String what) {
        Party party = activeParty(dn);
        if (!party.isMonitoring()) {
            throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, dn + " is not monitoring call " + id + ", so it cannot " + what);
        }
        return requireState(party, "used to " + what, PartyState.ESTABLISHED);
    }

    /** A monitoring supervisor watches the call; it does not hold, transfer, conference or consult. */
    Party notMonitoring(Party party, String what) {
        if (party.isMonitoring()) {
            throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, party.number() + " is monitoring call " + id + " and cannot " + what);
        }
        return party;
    }

    // ---- state ----

    /** The only way the recording state changes; a move {@link RecordingState#canMoveTo} forbids is a bug. */
    private void moveRecordingTo(RecordingState next) {
        RecordingState current = recording == null ? RecordingState.STOPPED : recording;
        if (!current.canMoveTo(next)) {
            throw new IllegalStateException("recording of call " + id + ": " + current + " -> " + next + " is not allowed");
        }
        recording = next;
    }

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
