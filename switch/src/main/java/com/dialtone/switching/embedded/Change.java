package com.dialtone.switching.embedded;

import com.dialtone.switching.CallEvent;
import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.PartyState;
import com.dialtone.switching.ReleaseCause;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The events of one unit of work on the switch loop (a request, or a timer firing). Events are recorded
 * as the work goes and built at the end, so that every event of a change carries the call as the whole
 * change left it: when an answer connects both sides, both events show both sides established.
 */
final class Change {

    private final long startedNanos;
    private final Instant now;
    private final Map<Call, List<Function<CallSnapshot, CallEvent>>> events = new LinkedHashMap<>();

    Change(long startedNanos, Instant now) {
        this.startedNanos = startedNanos;
        this.now = now;
    }

    /** The time of this change: every state change in it happens at this instant. */
    Instant now() {
        return now;
    }

    void touched(Call call) {
        events.computeIfAbsent(call, c -> new ArrayList<>());
    }

    void partyStateChanged(Call call, Party party, PartyState previous, ReleaseCause cause) {
        if (party.isInternal()) {
            String dn = party.number();
            add(call, snapshot -> new CallEvent.PartyStateChanged(snapshot, dn, previous, cause, startedNanos));
        } else {
            touched(call);
        }
    }

    /** Every internal party still in the call sees the new data. */
    void userDataChanged(Call call) {
        touched(call);
        for (Party party : call.activeParties()) {
            if (party.isInternal()) {
                String dn = party.number();
                add(call, snapshot -> new CallEvent.UserDataChanged(snapshot, dn, startedNanos));
            }
        }
    }

    void dtmfSent(Call call, Party party, String digits) {
        String dn = party.number();
        add(call, snapshot -> new CallEvent.DtmfSent(snapshot, dn, digits, startedNanos));
    }

    /** Snapshots every touched call once and returns its events in the order they were recorded. */
    List<CallEvent> finish() {
        List<CallEvent> built = new ArrayList<>();
        events.forEach((call, factories) -> {
            CallSnapshot snapshot = call.takeSnapshot();
            factories.forEach(factory -> built.add(factory.apply(snapshot)));
        });
        return built;
    }

    /** The calls this change touched, in the order it first touched them. */
    Iterable<Call> calls() {
        return events.keySet();
    }

    private void add(Call call, Function<CallSnapshot, CallEvent> factory) {
        events.computeIfAbsent(call, c -> new ArrayList<>()).add(factory);
    }
}
