package com.dialtone.switching.embedded;

import com.dialtone.switching.CallEvent;
import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.DnEvent;
import com.dialtone.switching.PartyState;
import com.dialtone.switching.ReleaseCause;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The events of one unit of work on the switch loop (a request, or a timer firing). Events are recorded
 * as the work goes and built at the end, so that every event of a change carries the call as the whole
 * change left it: when an answer connects both sides, both events show both sides established.
 *
 * <p>Calls are reported in the order the change first touched them, so a request that ends one call and
 * changes another decides which the client hears of first. DNs whose own state changed are reported
 * after every call, once each, as the change left them.
 *
 * <p>Work that follows from the change later (a timer, a routing pass) is handed to the loop through the
 * change ({@link #after}, {@link #next}), each a unit of work of its own.
 */
final class Change {

    /**
     * One party's move from one state to another, in the order the change made them.
     *
     * @param previous null when the party has just joined the call
     * @param reported true when the party's own device reported it (it hung up, answered, held): the
     *                 device need not be told to do what it did
     */
    record Move(Call call, Party party, PartyState previous, PartyState next, ReleaseCause cause, boolean reported) {
    }

    /** Digits a client sent into a call, to be played to the other parties' devices. */
    record Digits(Call call, Party sender, String digits) {
    }

    private final SwitchWork work;
    private final long startedNanos;
    private final Instant now;
    private final Map<Call, Recorded> calls = new LinkedHashMap<>();
    private final List<Move> moves = new ArrayList<>();
    private final Set<Dn> dns = new LinkedHashSet<>();
    /** The leg whose device's report this change applies, or null. */
    private SwitchLeg reporting;
    private List<Digits> digits;

    /** What happened to one call in this change. */
    private static final class Recorded {
        final List<Function<CallSnapshot, CallEvent>> events = new ArrayList<>();
        final Set<String> stateChanged = new HashSet<>();
        boolean membershipChanged;
    }

    Change(SwitchWork work, long startedNanos, Instant now) {
        this.work = work;
        this.startedNanos = startedNanos;
        this.now = now;
    }

    /** The unit of work this change is: legs made in it report there. */
    SwitchWork work() {
        return work;
    }

    /** Work the switch does by itself once the delay has passed, as a unit of its own; cancel it with the timer. */
    SwitchLoop.Timer after(Duration delay, Consumer<Change> action) {
        return work.later(delay, action);
    }

    /** Work the switch does by itself as a unit of its own, after this one (and whatever is queued before it). */
    void next(Consumer<Change> action) {
        work.soon(action);
    }

    /** A new leg for a party joining the call, to the device that plays its number. */
    SwitchLeg newLeg(Call call, Party party) {
        return new SwitchLeg(work.endpointOf(party), work, call, party, false, null);
    }

    /** This change applies what the leg's device reported; the moves of its party are marked as reported. */
    void reportedBy(SwitchLeg leg) {
        reporting = leg;
    }

    /** The time of this change: every state change in it happens at this instant. */
    Instant now() {
        return now;
    }

    void touched(Call call) {
        recorded(call);
    }

    void partyStateChanged(Call call, Party party, PartyState previous, ReleaseCause cause) {
        moves.add(new Move(call, party, previous, party.state(), cause, reporting != null && party.leg() == reporting));
        work.calls().moved(call, party, previous);
        Recorded recorded = recorded(call);
        if (previous == null || party.state() == PartyState.RELEASED) {
            recorded.membershipChanged = true;
        }
        if (party.isHeard()) {
            String dn = party.number();
            recorded.stateChanged.add(dn);
            recorded.events.add(snapshot -> new CallEvent.PartyStateChanged(snapshot, dn, previous, cause, startedNanos));
        }
    }

    /** Every internal party still in the call sees the new data. */
    void userDataChanged(Call call) {
        forEveryInternalParty(call, dn -> snapshot -> new CallEvent.UserDataChanged(snapshot, dn, startedNanos));
    }

    void recordingChanged(Call call) {
        forEveryInternalParty(call, dn -> snapshot -> new CallEvent.RecordingChanged(snapshot, dn, startedNanos));
    }

    /** {@code party} is told of digits sent into the call by {@code sender}, itself or someone else. */
    void dtmfSent(Call call, Party party, String sender, String digits) {
        String dn = party.number();
        recorded(call).events.add(snapshot -> new CallEvent.DtmfSent(snapshot, dn, sender, digits, startedNanos));
    }

    /** A client sent digits into the call from {@code sender}: the other parties' devices play them. */
    void digitsPlayed(Call call, Party sender, String digits) {
        if (this.digits == null) {
            this.digits = new ArrayList<>(1);
        }
        this.digits.add(new Digits(call, sender, digits));
    }

    /** The digits clients sent in this change, in order. */
    List<Digits> digits() {
        return digits == null ? List.of() : digits;
    }

    void muteChanged(Call call, Party party) {
        String dn = party.number();
        recorded(call).events.add(snapshot -> new CallEvent.MuteChanged(snapshot, dn, startedNanos));
    }

    void monitoringChanged(Call call, Party supervisor) {
        String dn = supervisor.number();
        recorded(call).events.add(snapshot -> new CallEvent.MonitoringChanged(snapshot, dn, startedNanos));
    }

    /**
     * Who the others see in the call changed without anyone joining or leaving (a supervisor started or
     * stopped barging in): they are told their participants changed; the one who caused it is told otherwise.
     */
    void participantsChanged(Call call, Party cause) {
        Recorded recorded = recorded(call);
        recorded.membershipChanged = true;
        recorded.stateChanged.add(cause.number());
    }

    void monitoredPartyMuteChanged(Call call, Party party) {
        String dn = party.number();
        recorded(call).events.add(snapshot -> new CallEvent.MonitoredPartyMuteChanged(snapshot, dn, startedNanos));
    }

    void destinationFailed(Call call, Party requester, String destination, ReleaseCause cause) {
        String dn = requester.number();
        recorded(call).events.add(snapshot -> new CallEvent.DestinationFailed(snapshot, dn, destination, cause, startedNanos));
    }

    /** The DN's own state was asked about or changed; it is reported once, after the calls. */
    void dnChanged(Dn dn) {
        dns.add(dn);
    }

    /** Every move so far; the list grows while the rules across calls react to it. */
    List<Move> moves() {
        return moves;
    }

    /**
     * Snapshots every touched call once and returns its events in the order they were recorded. Where
     * parties joined or left, every other internal party still in the call, whose own state did not
     * change, is told its participants changed.
     */
    List<CallEvent> finish() {
        List<CallEvent> built = new ArrayList<>();
        calls.forEach((call, recorded) -> {
            if (recorded.membershipChanged) {
                for (Party party : call.activeParties()) {
                    if (party.isHeard() && !recorded.stateChanged.contains(party.number())) {
                        String dn = party.number();
                        recorded.events.add(snapshot -> new CallEvent.PartiesChanged(snapshot, dn, startedNanos));
                    }
                }
            }
            CallSnapshot snapshot = call.takeSnapshot();
            recorded.events.forEach(factory -> built.add(factory.apply(snapshot)));
        });
        return built;
    }

    /** Snapshots every DN this change reported on and returns one event for each. */
    List<DnEvent> finishDns() {
        List<DnEvent> built = new ArrayList<>(dns.size());
        for (Dn dn : dns) {
            built.add(new DnEvent(dn.takeSnapshot(), startedNanos));
        }
        return built;
    }

    /** The calls this change touched, in the order it first touched them. */
    Iterable<Call> calls() {
        return calls.keySet();
    }

    /** The DNs whose own state this change reported on. */
    Iterable<Dn> dns() {
        return dns;
    }

    private void forEveryInternalParty(Call call, Function<String, Function<CallSnapshot, CallEvent>> event) {
        Recorded recorded = recorded(call);
        for (Party party : call.activeParties()) {
            if (party.isHeard()) {
                recorded.events.add(event.apply(party.number()));
            }
        }
    }

    private Recorded recorded(Call call) {
        return calls.computeIfAbsent(call, c -> new Recorded());
    }
}
