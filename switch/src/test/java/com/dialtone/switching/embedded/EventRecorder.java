package com.dialtone.switching.embedded;

import com.dialtone.switching.AgentState;
import com.dialtone.switching.CallEvent;
import com.dialtone.switching.DnEvent;
import com.dialtone.switching.PartyState;
import com.dialtone.switching.ReleaseCause;
import com.dialtone.switching.SwitchListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Keeps every event the switch publishes, for assertions. Part of the switch's test-jar, for the
 * server's tests too. Listeners are called on the switch loop; the lists are synchronized so that a test
 * on another thread may read them (copy before iterating while the switch still runs).
 */
public final class EventRecorder implements SwitchListener {

    public final List<CallEvent> events = Collections.synchronizedList(new ArrayList<>());
    public final List<DnEvent> dnEvents = Collections.synchronizedList(new ArrayList<>());
    /** Call and DN events together, in the order they came. */
    public final List<Object> all = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void onCallEvent(CallEvent event) {
        events.add(event);
        all.add(event);
    }

    @Override
    public void onDnEvent(DnEvent event) {
        dnEvents.add(event);
        all.add(event);
    }

    /** The DN events of one DN, in order. */
    public List<DnEvent> dnEventsOf(String dn) {
        return dnEvents.stream().filter(e -> e.dn().equals(dn)).toList();
    }

    /** The agent states a DN's events announced, in order. */
    public List<AgentState> agentStatesOf(String dn) {
        return dnEventsOf(dn).stream().map(e -> e.state().agentState()).toList();
    }

    /** Every event about a DN, of calls and of its own state, described briefly in order ("Ringing", "NOT_READY"). */
    public List<String> storyOf(String dn) {
        return all.stream().filter(e -> e instanceof CallEvent call ? call.dn().equals(dn) : ((DnEvent) e).dn().equals(dn))
                .map(e -> e instanceof CallEvent.PartyStateChanged changed ? changed.party().state().toString()
                        : e instanceof DnEvent dnEvent ? "agent " + dnEvent.state().agentState() : e.getClass().getSimpleName())
                .toList();
    }

    public List<CallEvent> of(String dn) {
        return events.stream().filter(e -> e.dn().equals(dn)).toList();
    }

    /** The states a DN's party went through, as its state-change events announced them. */
    public List<PartyState> statesOf(String dn) {
        return of(dn).stream()
                .filter(CallEvent.PartyStateChanged.class::isInstance)
                .map(e -> e.party().state())
                .toList();
    }

    public ReleaseCause releaseCauseOf(String dn) {
        return of(dn).stream()
                .filter(CallEvent.PartyStateChanged.class::isInstance)
                .map(CallEvent.PartyStateChanged.class::cast)
                .filter(e -> e.cause() != null)
                .map(CallEvent.PartyStateChanged::cause)
                .reduce((first, second) -> second)
                .orElse(null);
    }

    /** The events of one kind a DN got, in order. */
    public <E extends CallEvent> List<E> of(String dn, Class<E> type) {
        return of(dn).stream().filter(type::isInstance).map(type::cast).toList();
    }

    public void clear() {
        events.clear();
        dnEvents.clear();
        all.clear();
    }
}
