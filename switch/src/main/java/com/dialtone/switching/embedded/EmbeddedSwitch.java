package com.dialtone.switching.embedded;

import com.dialtone.switching.CallEvent;
import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.CallType;
import com.dialtone.switching.PartyState;
import com.dialtone.switching.Switch;
import com.dialtone.switching.SwitchListener;
import com.dialtone.switching.SwitchRejection;
import com.dialtone.switching.SwitchRejection.Reason;
import com.dialtone.switching.UserData;
import java.time.Duration;
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
 * leave in the order things happened, and a multi-call change (a transfer) is atomic. The price is that
 * listeners must not block; the server's notifier only queues messages. Readers use the published
 * snapshots and never wait for the loop. One loop thread processes a few hundred thousand requests a
 * second, far beyond what thousands of concurrent calls need.
 *
 * <h2>Life of a call</h2>
 * A call lives in {@link #calls} from the dial until its last party is released; its final snapshot,
 * with every party released, goes out with the last events and then the call is forgotten.
 */
public final class EmbeddedSwitch implements Switch {

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
        this.dns = Set.copyOf(dns);
        this.loop = loop;
        this.farEnd = new SimulatedFarEnd(dialPlan, this::schedule);
    }

    @Override
    public void addListener(SwitchListener listener) {
        listeners.add(listener);
    }

    @Override
    public boolean isDn(String number) {
        return dns.contains(number);
    }

    @Override
    public CompletableFuture<CallSnapshot> dial(String dn, String destination, UserData userData, String location) {
        return submit(change -> {
            if (!isDn(dn)) {
                throw new SwitchRejection(Reason.UNKNOWN_DN, dn + " is not a DN of this switch");
            }
            if (destination == null || !DIALLABLE.matcher(destination).matches()) {
                throw new SwitchRejection(Reason.INVALID_DESTINATION,
                        "destination must be 1 to 32 of 0-9, * and #, with an optional leading +, was '" + destination + "'");
            }
            if (destination.equals(dn)) {
                throw new SwitchRejection(Reason.INVALID_DESTINATION, dn + " cannot dial itself");
            }
            boolean internal = isDn(destination);
            Call call = new Call(ids.next(), internal ? CallType.INTERNAL : CallType.OUTBOUND, dn, destination,
                    location, null, userData, change.now());
            calls.put(call.id(), call);
            call.addParty(dn, true, PartyState.DIALING, change);
            Party callee = call.addParty(destination, internal, PartyState.RINGING, change);
            if (!internal) {
                farEnd.alert(call, callee);
            }
            return call;
        }).thenApply(Call::latest);
    }

    @Override
    public CompletableFuture<Void> answer(String callId, String dn) {
        return run(callId, call -> change -> call.answer(dn, change));
    }

    @Override
    public CompletableFuture<Void> release(String callId, String dn) {
        return run(callId, call -> change -> call.release(dn, change));
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

    // ---- the loop ----

    /** Runs a request on one existing call. */
    private CompletableFuture<Void> run(String callId, Function<Call, Consumer<Change>> request) {
        return submit(change -> {
            Call call = calls.get(callId);
            if (call == null) {
                throw new SwitchRejection(Reason.UNKNOWN_CALL, "no call " + callId);
            }
            request.apply(call).accept(change);
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
            result.completeExceptionally(rejection);
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
