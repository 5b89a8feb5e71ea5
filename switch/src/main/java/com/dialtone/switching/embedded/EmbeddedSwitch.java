package com.dialtone.switching.embedded;

import com.dialtone.switching.AgentState;
import com.dialtone.switching.CallEvent;
import com.dialtone.switching.CustomerBehaviour;
import com.dialtone.switching.CustomerSimulator;
import com.dialtone.switching.DnSnapshot;
import com.dialtone.switching.Monitoring;
import com.dialtone.switching.MonitoringMode;
import com.dialtone.switching.RoutingPointSnapshot;
import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.CallType;
import com.dialtone.switching.PartyState;
import com.dialtone.switching.RecordingState;
import com.dialtone.switching.ReleaseCause;
import com.dialtone.switching.Switch;
import com.dialtone.switching.SwitchListener;
import com.dialtone.switching.SwitchRejection;
import com.dialtone.switching.SwitchRejection.Reason;
import com.dialtone.switching.UserData;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A switch in memory: a fixed set of DNs, calls between them, and simulated far ends for every other
 * number (see {@link DialPlan}).
 *
 * <h2>Threading</h2>
 * All call processing happens on one {@link SwitchLoop}: a request from any thread becomes a task on the
 * loop; the task checks the request, changes the calls, publishes their new snapshots and then hands
 * the events to the listeners, still on the loop. So no lock is ever held, let alone across I/O, events
 * leave in the order things happened, and a change that spans two calls (a transfer) is atomic. The
 * price is that listeners must not block; the server's notifier only queues messages. Readers use the
 * published snapshots and never wait for the loop. One loop thread handles about 200,000 requests a
 * second on a 2-core machine (docs/benchmarks.md), far beyond what thousands of concurrent calls need.
 *
 * <h2>Rules</h2>
 * {@link Call} holds the rules of one call. This class adds the rules across calls: a DN is active
 * (dialling or established) in one call at a time, so dialling or answering puts its established call on
 * hold; a consult call is tied to the call it consults about, and completing it moves its parties there.
 *
 * <h2>Life of a call</h2>
 * A call lives in {@link #calls} from its creation until its last party is released; its final snapshot,
 * with every party released, goes out with the last events and then the call is forgotten.
 */
public final class EmbeddedSwitch implements Switch, CustomerSimulator {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSwitch.class);
    private static final Pattern DIALLABLE = Pattern.compile("\\+?[0-9*#]{1,32}");

    private final Set<String> dns;
    private final SwitchLoop loop;
    private final SimulatedFarEnd farEnd;
    private final CallIds ids = new CallIds();
    private final Map<String, Call> calls = new HashMap<>();
    private final SnapshotIndex snapshots = new SnapshotIndex();
    private final List<SwitchListener> listeners = new CopyOnWriteArrayList<>();

    public EmbeddedSwitch(Set<String> dns, DialPlan dialPlan, SwitchLoop loop) {
        this(dns, dialPlan, RoutingPlan.none(), loop);
    }

    public EmbeddedSwitch(Set<String> dns, DialPlan dialPlan, RoutingPlan routingPlan, SwitchLoop loop) {
        this.dns = Set.copyOf(dns);
        this.loop = loop;
        this.farEnd = new SimulatedFarEnd(dialPlan, this::schedule);
    }

    @Override
    public void addListener(SwitchListener listener) {
        listeners.add(listener);
    }

    private boolean isDn(String number) {
        return dns.contains(number);
    }

    // ---- one call ----

    @Override
    public CompletableFuture<CallSnapshot> dial(String dn, String destination, UserData userData, String location) {
        return submit(change -> {
            if (!isDn(dn)) {
                throw new SwitchRejection(Reason.UNKNOWN_DN, dn + " is not a DN of this switch");
            }
            checkDestination(dn, destination);
            holdIn(makeRoomFor(dn, null), dn, change);
            boolean internal = isDn(destination);
            Call call = newCall(internal ? CallType.INTERNAL : CallType.OUTBOUND, dn, destination, location, null, userData, change);
            call.join(dn, true, PartyState.DIALING, null, change);
            farEnd.joined(call, call.join(destination, internal, PartyState.RINGING, dn, change));
            return call;
        }).thenApply(Call::latest);
    }

    @Override
    public CompletableFuture<Void> answer(String callId, String dn) {
        return run(callId, call -> change -> {
            Party party = call.requireState(call.activeParty(dn), "answered", PartyState.RINGING);
            holdIn(makeRoomFor(dn, call), dn, change);
            call.answer(party, change);
        });
    }

    @Override
    public CompletableFuture<Void> reject(String callId, String dn) {
        return run(callId, call -> change -> call.reject(dn, change));
    }

    @Override
    public CompletableFuture<Void> release(String callId, String dn) {
        return run(callId, call -> change -> call.release(dn, change));
    }

    @Override
    public CompletableFuture<Void> hold(String callId, String dn) {
        return run(callId, call -> change -> call.hold(call.activeParty(dn), change));
    }

    @Override
    public CompletableFuture<Void> retrieve(String callId, String dn) {
        return run(callId, call -> change -> {
            Party party = call.requireState(call.activeParty(dn), "retrieved", PartyState.HELD);
            Call other = busyCallOf(dn, call);
            if (other != null) {
                throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, dn + " is active in call " + other.id()
                        + "; swap the calls, or hold or end that one first");
            }
            call.retrieve(party, change);
        });
    }

    @Override
    public CompletableFuture<Void> setMuted(String callId, String dn, boolean muted) {
        return run(callId, call -> change -> call.setMuted(dn, muted, change));
    }

    @Override
    public CompletableFuture<Void> sendDtmf(String callId, String dn, String digits) {
        return run(callId, call -> change -> call.sendDtmf(dn, digits, change));
    }

    // T-Server keeps a second pair when an attached key already exists; a JSON object can show only one
    // value per key, so attach and update look the same to every GWS client.
    @Override
    public CompletableFuture<Void> attachUserData(String callId, String dn, UserData pairs) {
        return run(callId, call -> change -> call.addUserData(dn, pairs, change));
    }

    @Override
    public CompletableFuture<Void> updateUserData(String callId, String dn, UserData pairs) {
        return run(callId, call -> change -> call.addUserData(dn, pairs, change));
    }

    @Override
    public CompletableFuture<Void> deleteUserData(String callId, String dn) {
        return run(callId, call -> change -> call.deleteUserData(dn, change));
    }

    @Override
    public CompletableFuture<Void> deleteUserDataPair(String callId, String dn, String key) {
        return run(callId, call -> change -> call.deleteUserDataPair(dn, key, change));
    }

    @Override
    public CompletableFuture<Void> setRecording(String callId, String dn, RecordingState state) {
        return run(callId, call -> change -> call.setRecording(dn, state, change));
    }

    @Override
    public CompletableFuture<Void> removeParty(String callId, String dn, String party) {
        return run(callId, call -> change -> call.removeParty(dn, party, change));
    }

    @Override
    public CompletableFuture<Void> singleStepTransfer(String callId, String dn, String destination, UserData userData, String location) {
        return run(callId, call -> change -> {
            Party mine = call.requireState(call.activeParty(dn), "transferred", PartyState.ESTABLISHED, PartyState.HELD);
            checkNewParty(call, dn, destination);
            call.mergeUserData(userData);
            // Nobody is left to hear that the destination did not answer: the transferrer is gone.
            farEnd.joined(call, call.join(destination, isDn(destination), PartyState.RINGING, null, change));
            call.release(mine, ReleaseCause.TRANSFERRED, change);
        });
    }

    @Override
    public CompletableFuture<Void> singleStepConference(String callId, String dn, String destination, UserData userData, String location) {
        return run(callId, call -> change -> {
            call.requireState(call.activeParty(dn), "conferenced", PartyState.ESTABLISHED, PartyState.HELD);
            checkNewParty(call, dn, destination);
            call.mergeUserData(userData);
            farEnd.joined(call, call.join(destination, isDn(destination), PartyState.RINGING, dn, change));
        });
    }

    // ---- two calls ----

    @Override
    public CompletableFuture<CallSnapshot> initiateConsult(String callId, String dn, String destination, UserData userData, String location) {
        return submit(change -> {
            Call parent = existing(callId);
            Party mine = parent.requireState(parent.activeParty(dn), "consulted about", PartyState.ESTABLISHED, PartyState.HELD);
            checkNewParty(parent, dn, destination);
            Call consult = consultOf(parent, dn);
            if (consult != null) {
                throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, "call " + callId + " already has the consult call " + consult.id());
            }
            Call busy = busyCallOf(dn, parent);
            if (busy != null) {
                throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, dn + " is active in call " + busy.id() + "; hold or end it first");
            }
            if (mine.state() == PartyState.ESTABLISHED) {
                parent.hold(mine, change);
            }
            boolean internal = isDn(destination);
            Call created = newCall(CallType.CONSULT, dn, destination, location, parent.id(), parent.userData().with(userData), change);
            created.join(dn, true, PartyState.DIALING, null, change);
            farEnd.joined(created, created.join(destination, internal, PartyState.RINGING, dn, change));
            return created;
        }).thenApply(Call::latest);
    }

    @Override
    public CompletableFuture<Void> completeTransfer(String consultCallId, String dn) {
        return complete(consultCallId, dn, true);
    }

    @Override
    public CompletableFuture<Void> completeConference(String consultCallId, String dn) {
        return complete(consultCallId, dn, false);
    }

    /**
     * The consult call's other parties join the parent call, as they are (ringing or talking), and the
     * consult call ends. By transfer, {@code dn} leaves the parent too; by conference, it is taken off
     * hold there. The consult's user data (the parent's, plus what the consultation added) goes with them.
     */
    private CompletableFuture<Void> complete(String consultCallId, String dn, boolean transfer) {
        return submit(change -> {
            Call consult = existing(consultCallId);
            Party mineInConsult = consult.activeParty(dn);
            if (consult.parentCallId() == null) {
                throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, "call " + consultCallId + " is not a consult call");
            }
            Call parent = calls.get(consult.parentCallId());
            if (parent == null || parent.findActive(dn) == null) {
                throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE,
                        "call " + consult.parentCallId() + ", which consult call " + consultCallId + " is about, has ended for " + dn);
            }
            Party mineInParent = parent.activeParty(dn);
            // Normally the parent is held and the consult active; after a swap it is the other way round.
            boolean parentHeld = mineInParent.state() == PartyState.HELD && mineInConsult.isBusy();
            if (!parentHeld && !(mineInConsult.state() == PartyState.HELD && mineInParent.state() == PartyState.ESTABLISHED)) {
                throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, "calls " + parent.id() + " and " + consultCallId + " are "
                        + mineInParent.state() + " and " + mineInConsult.state() + " on " + dn + "; one must be held and the other active");
            }
            List<Party> joining = consult.activeParties().stream().filter(p -> p != mineInConsult).toList();
            for (Party party : joining) {
                if (parent.findActive(party.number()) != null) {
                    throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, party.number() + " is already a party of call " + parent.id());
                }
            }
            change.touched(consult); // the client hears of the consult call's end first, as in the GWS samples
            parent.mergeUserData(consult.userData());
            for (Party party : joining) {
                Party joined = parent.join(party.number(), party.isInternal(), party.state(), transfer ? null : dn, change);
                joined.setMuted(party.isMuted());
                farEnd.joined(parent, joined);
            }
            consult.end(p -> p == mineInConsult && transfer ? ReleaseCause.TRANSFERRED : ReleaseCause.MERGED, change);
            if (transfer) {
                parent.release(mineInParent, ReleaseCause.TRANSFERRED, change);
            } else if (parentHeld) {
                parent.retrieve(mineInParent, change);
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> swap(String callId, String dn, String otherCallId) {
        return submit(change -> {
            Call call = existing(callId);
            Call other = existing(otherCallId);
            if (call == other) {
                throw new SwitchRejection(Reason.INVALID_ARGUMENT, "a call cannot be swapped with itself");
            }
            Party mine = call.activeParty(dn);
            Party theirs = other.activeParty(dn);
            if (mine.state() == PartyState.ESTABLISHED && theirs.state() == PartyState.HELD) {
                call.hold(mine, change);
                other.retrieve(theirs, change);
            } else if (mine.state() == PartyState.HELD && theirs.state() == PartyState.ESTABLISHED) {
                other.hold(theirs, change);
                call.retrieve(mine, change);
            } else {
                throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, "calls " + callId + " and " + otherCallId
                        + " are " + mine.state() + " and " + theirs.state() + " on " + dn + "; one must be established and the other held");
            }
            return null;
        });
    }

    // ---- agents and DN features (TODO: being implemented) ----

    @Override
    public CompletableFuture<Void> login(String dn) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public CompletableFuture<Void> logout(String dn) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public CompletableFuture<Void> setAgentState(String dn, AgentState state, Duration wrapUpTime) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public CompletableFuture<Void> setDoNotDisturb(String dn, boolean on) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public CompletableFuture<Void> setForwarding(String dn, String destination) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public CompletableFuture<Void> startMonitoring(String supervisorDn, Monitoring monitoring) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public CompletableFuture<Void> cancelMonitoring(String supervisorDn) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public CompletableFuture<Void> setMonitoringMode(String callId, String supervisorDn, MonitoringMode mode) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public CompletableFuture<Void> setMonitoredPartyMuted(String callId, String supervisorDn, boolean muted) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public CompletableFuture<CallSnapshot> customerCall(String from, String to, UserData userData, CustomerBehaviour behaviour) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public CompletableFuture<Void> customerHangUp(String callId, String from) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public Optional<DnSnapshot> dn(String dn) {
        return isDn(dn) ? Optional.of(new DnSnapshot(dn, AgentState.LOGGED_OUT, Instant.EPOCH, null, false, null, null)) : Optional.empty();
    }

    @Override
    public List<RoutingPointSnapshot> routingPoints() {
        return List.of();
    }

    // ---- reading ----

    @Override
    public Optional<CallSnapshot> call(String callId) {
        return snapshots.byId(callId);
    }

    @Override
    public List<CallSnapshot> callsAt(String dn) {
        return snapshots.byDn(dn);
    }

    /** How many calls are live; for tests and diagnostics. */
    public int callCount() {
        return snapshots.size();
    }

    // ---- rules across calls (on the loop) ----

    private void checkDestination(String dn, String destination) {
        if (destination == null || !DIALLABLE.matcher(destination).matches()) {
            throw new SwitchRejection(Reason.INVALID_DESTINATION,
                    "destination must be 1 to 32 of 0-9, * and #, with an optional leading +, was '" + destination + "'");
        }
        if (destination.equals(dn)) {
            throw new SwitchRejection(Reason.INVALID_DESTINATION, dn + " cannot dial itself");
        }
    }

    /** A destination that is not already in the call. */
    private void checkNewParty(Call call, String dn, String destination) {
        checkDestination(dn, destination);
        if (call.findActive(destination) != null) {
            throw new SwitchRejection(Reason.INVALID_DESTINATION, destination + " is already a party of call " + call.id());
        }
    }

    /**
     * Makes {@code dn} free to become active in a call other than {@code except}: refuses while it is
     * dialling elsewhere, and returns the call it is established in elsewhere, to be held; or null.
     */
    private Call makeRoomFor(String dn, Call except) {
        Call busy = busyCallOf(dn, except);
        if (busy != null && busy.findActive(dn).state() == PartyState.DIALING) {
            throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, dn + " is still dialling in call " + busy.id() + "; hang it up first");
        }
        return busy;
    }

    /** Call waiting: the call {@code dn} was talking in goes on hold. */
    private void holdIn(Call call, String dn, Change change) {
        if (call != null) {
            call.hold(call.findActive(dn), change);
        }
    }

    /** The call other than {@code except} in which {@code dn} is dialling or established, if any. */
    private Call busyCallOf(String dn, Call except) {
        for (Call call : callsOf(dn)) {
            Party party = call.findActive(dn);
            if (call != except && party != null && party.isBusy()) {
                return call;
            }
        }
        return null;
    }

    /** The live consult call {@code dn} made about {@code parent}, if any. */
    private Call consultOf(Call parent, String dn) {
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

    private Call existing(String callId) {
        Call call = calls.get(callId);
        if (call == null) {
            throw new SwitchRejection(Reason.UNKNOWN_CALL, "no call " + callId);
        }
        return call;
    }

    private Call newCall(CallType type, String ani, String dnis, String location, String parentCallId, UserData userData, Change change) {
        Call call = new Call(ids.next(), type, ani, dnis, location, parentCallId, userData, change.now());
        calls.put(call.id(), call);
        return call;
    }

    // ---- the loop ----

    /** Runs a request on one existing call. */
    private CompletableFuture<Void> run(String callId, Function<Call, Consumer<Change>> request) {
        return submit(change -> {
            request.apply(existing(callId)).accept(change);
            return null;
        });
    }

    private <T> CompletableFuture<T> submit(Function<Change, T> request) {
        long started = loop.nanoTime();
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.execute(() -> process(started, request, result));
        return result;
    }

    private void schedule(Duration delay, Party party, Consumer<Change> action) {
        party.addTimer(loop.schedule(delay, () -> {
            if (party.isActive()) {
                process(loop.nanoTime(), change -> {
                    action.accept(change);
                    return null;
                }, new CompletableFuture<>());
            }
        }));
    }

    private <T> void process(long started, Function<Change, T> work, CompletableFuture<T> result) {
        Change change = new Change(started, loop.now());
        T value;
        try {
            value = work.apply(change);
        } catch (SwitchRejection rejection) {
            result.completeExceptionally(rejection); // by the rule above, thrown before anything changed
            return;
        } catch (RuntimeException bug) {
            LOG.error("switch request failed; publishing what it changed", bug);
            result.completeExceptionally(bug);
            dispatch(publish(change));
            return;
        }
        List<CallEvent> events = publish(change);
        result.complete(value);
        dispatch(events);
    }

    private List<CallEvent> publish(Change change) {
        List<CallEvent> events = change.finish();
        for (Call call : change.calls()) {
            snapshots.publish(call.latest());
            if (call.isEnded()) {
                calls.remove(call.id());
            }
        }
        return events;
    }

    private void dispatch(List<CallEvent> events) {
        for (CallEvent event : events) {
            for (SwitchListener listener : listeners) {
                try {
                    listener.onCallEvent(event);
                } catch (RuntimeException e) {
                    LOG.error("switch listener {} failed on {}", listener, event, e);
                }
            }
        }
    }
}
