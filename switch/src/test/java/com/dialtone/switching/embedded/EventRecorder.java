package com.dialtone.switching.embedded;

import com.dialtone.switching.CallEvent;
import com.dialtone.switching.PartyState;
import com.dialtone.switching.ReleaseCause;
import com.dialtone.switching.SwitchListener;
import java.util.ArrayList;
import java.util.List;

/** Keeps every event the switch publishes, for assertions. */
final class EventRecorder implements SwitchListener {

    final List<CallEvent> events = new ArrayList<>();

    @Override
    public void onCallEvent(CallEvent event) {
        events.add(event);
    }

    List<CallEvent> of(String dn) {
        return events.stream().filter(e -> e.dn().equals(dn)).toList();
    }

    /** The states a DN's party went through, as its state-change events announced them. */
    List<PartyState> statesOf(String dn) {
        return of(dn).stream()
                .filter(CallEvent.PartyStateChanged.class::isInstance)
                .map(e -> e.party().state())
                .toList();
    }

    ReleaseCause releaseCauseOf(String dn) {
        return of(dn).stream()
                .filter(CallEvent.PartyStateChanged.class::isInstance)
                .map(CallEvent.PartyStateChanged.class::cast)
                .filter(e -> e.cause() != null)
                .map(CallEvent.PartyStateChanged::cause)
                .reduce((first, second) -> second)
                .orElse(null);
    }

    /** The events of one kind a DN got, in order. */
    <E extends CallEvent> List<E> of(String dn, Class<E> type) {
        return of(dn).stream().filter(type::isInstance).map(type::cast).toList();
    }

    void clear() {
        events.clear();
    }
}
