package com.dialtone.switching.embedded;

import com.dialtone.switching.CallEvent;
import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.PartyState;
import com.dialtone.switching.ReleaseCause;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The events of one unit of work on the switch loop (a request, or a timer firing). Events are recorded
 * as the work goes and built at the end, so that every event of a change carries the call as the whole
 * change left it: when an answer connects both sides, both events show both sides established.
 *
 * <p>Calls are reported in the order the change first touched them, so a request that ends one call and
 * changes another decides which the client hears of first.
 */
final class Change {

    private final long startedNanos;
    private final Instant now;
    private final Map<Call, Recorded> calls = new LinkedHashMap<>();

    /** What happened to one call in this change. */
    private static final class Recorded {
        final List<Function<CallSnapshot, CallEvent>> events = new ArrayList<>();
        final Set<String> stateChanged = new HashSet<>();
        boolean membershipChanged;
    }

    Change(long startedNanos, Instant now) {
        this.startedNanos = startedNanos;
        this.now = now;
    }

    /** The time of this change: every state change in it happens at this instant. */
    Instant now() {
        return now;
    }

    void touched(Call call) {
        recorded(call);
    }

    void partyStateChanged(Call call, Party party, PartyState previous, ReleaseCause cause) {
        Recorded recorded = recorded(call);
        if (previous == null || party.state() == PartyState.RELEASED) {
            recorded.membershipChanged = true;
        }
        if (party.isInternal()) {
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

    void dtmfSent(Call call, Party party, String digits) {
        String dn = party.number();
        recorded(call).events.add(snapshot -> new CallEvent.DtmfSent(snapshot, dn, dn, digits, startedNanos));
    }

    void muteChanged(Call call, Party party) {
        String dn = party.number();
        recorded(call).events.add(snapshot -> new CallEvent.MuteChanged(snapshot, dn, startedNanos));
    }

    void destinationFailed(Call call, Party requester, String destination, ReleaseCause cause) {
        String dn = requester.number();
        recorded(call).events.add(snapshot -> new CallEvent.DestinationFailed(snapshot, dn, destination, cause, startedNanos));
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
                    if (party.isInternal() && !recorded.stateChanged.contains(party.number())) {
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

    /** The calls this change touched, in the order it first touched them. */
    Iterable<Call> calls() {
        return calls.keySet();
    }

    private void forEveryInternalParty(Call call, Function<String, Function<CallSnapshot, CallEvent>> event) {
        Recorded recorded = recorded(call);
        for (Party party : call.activeParties()) {
            if (party.isInternal()) {
                recorded.events.add(event.apply(party.number()));
            }
        }
    }

    private Recorded recorded(Call call) {
        return calls.computeIfAbsent(call, c -> new Recorded());
    }
}
