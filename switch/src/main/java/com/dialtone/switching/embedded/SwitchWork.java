package com.dialtone.switching.embedded;

import com.dialtone.switching.CallEvent;
import com.dialtone.switching.DnEvent;
import com.dialtone.switching.SwitchListener;
import com.dialtone.switching.SwitchRejection;
import com.dialtone.switching.endpoint.Endpoint;
import com.dialtone.switching.endpoint.Endpoints;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every unit of work of the switch on its {@link SwitchLoop}, and the one way each one goes: a request,
 * a timer or a device's report changes the calls (recording it in a {@link Change}); the {@link Rule}s
 * react to the change, in their order; the calls, queues and DNs it touched are published; the request's
 * future completes; the events go to the listeners, still on the loop. Nothing in a unit of work calls
 * back into an earlier step.
 *
 * <p>A request is checked before it changes anything, so one that is refused ({@link SwitchRejection})
 * changed nothing and publishes nothing. A bug halfway through a change publishes what it changed, so
 * readers and listeners see the calls as they are.
 */
final class SwitchWork {

    // Logged under the switch's name, as before the loop had a class of its own.
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSwitch.class);

    private final SwitchLoop loop;
    private final Calls calls;
    private final Map<String, Dn> dns;
    private final Endpoints endpoints;
    private final Acd acd;
    private final Rule[] rules;
    private final DeviceReports reports;
    private final List<SwitchListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param dns       whose endpoints play the DNs' legs
     * @param endpoints whose {@link Endpoints#ofExternal} plays the external numbers' legs
     * @param acd       whose queues are published with the calls
     * @param rules     the rules every change goes through, in this order
     * @param reports   what devices' reports do to the calls
     */
    SwitchWork(SwitchLoop loop, Calls calls, Map<String, Dn> dns, Endpoints endpoints, Acd acd, List<Rule> rules, DeviceReports reports) {
        this.loop = loop;
        this.calls = calls;
        this.dns = dns;
        this.endpoints = endpoints;
        this.acd = acd;
        this.rules = rules.toArray(Rule[]::new);
        this.reports = reports;
    }

    /** The live calls, whose per-DN index follows each party move of a change. */
    Calls calls() {
        return calls;
    }

    /** The endpoint that plays a party joining a call. */
    Endpoint endpointOf(Party party) {
        return party.isInternal() ? dns.get(party.number()).endpoint() : endpoints.ofExternal(party.number());
    }

    void addListener(SwitchListener listener) {
        listeners.add(listener);
    }

    /** Runs a request, from any thread, on the loop; the result completes once the change is published. */
    <T> CompletableFuture<T> submit(Function<Change, T> request) {
        long started = loop.nanoTime();
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.execute(() -> process(started, request, result));
        return result;
    }

    /** Runs a request that has no result, as {@link #submit} does. */
    CompletableFuture<Void> execute(Consumer<Change> request) {
        return submit(change -> {
            request.accept(change);
            return null;
        });
    }

    /** A device's report on one of its legs, from any thread: a unit of work of its own. */
    void report(SwitchLeg leg, DeviceReports.Report report, String digits) {
        long started = loop.nanoTime();
        try {
            loop.execute(() -> process(started, change -> {
                reports.apply(leg, report, digits, change);
                return null;
            }, null));
        } catch (RejectedExecutionException stopped) {
            // The switch has stopped; a device that reports now (a phone hanging up at shutdown) changes nothing.
            LOG.debug("switch stopped; dropping {} on {}", report, leg);
        }
    }

    /** A device's report made once the delay has passed (a simulation's timing). */
    SwitchLoop.Timer reportLater(Duration delay, SwitchLeg leg, DeviceReports.Report report, String digits) {
        return later(delay, change -> reports.apply(leg, report, digits, change));
    }

    /** Work the switch does by itself once the delay has passed; see {@link Change#after}. */
    SwitchLoop.Timer later(Duration delay, Consumer<Change> action) {
        return loop.schedule(delay, () -> run(action));
    }

    /** Work the switch does by itself, as a unit of its own after the current one; see {@link Change#next}. */
    void soon(Consumer<Change> action) {
        loop.execute(() -> run(action));
    }

    /** Work the switch does by itself, on the loop already: a timer, a routing pass. */
    private void run(Consumer<Change> action) {
        process(loop.nanoTime(), change -> {
            action.accept(change);
            return null;
        }, null);
    }

    /** @param result completed with the work's result; null for work nobody waits for */
    private <T> void process(long started, Function<Change, T> work, CompletableFuture<T> result) {
        Change change = new Change(this, started, loop.now());
        T value;
        try {
            value = work.apply(change);
        } catch (SwitchRejection rejection) {
            if (result != null) {
                result.completeExceptionally(rejection); // by the rule above, thrown before anything changed
            }
            return;
        } catch (RuntimeException bug) {
            LOG.error("switch request failed; publishing what it changed", bug);
            if (result != null) {
                result.completeExceptionally(bug);
            }
            publishAndDispatch(change);
            return;
        }
        try {
            react(change);
        } catch (RuntimeException bug) {
            LOG.error("switch rules failed after a change; publishing what it changed", bug);
        }
        List<CallEvent> callEvents = publishCalls(change);
        List<DnEvent> dnEvents = change.finishDns();
        if (result != null) {
            result.complete(value);
        }
        dispatch(callEvents, dnEvents);
    }

    /** Every rule on every move, in order, the moves the rules make included; then each rule finishes. */
    private void react(Change change) {
        List<Change.Move> moves = change.moves();
        for (int i = 0; i < moves.size(); i++) {
            Change.Move move = moves.get(i);
            for (Rule rule : rules) {
                rule.moved(move, change);
            }
        }
        for (Rule rule : rules) {
            rule.settled(change);
        }
    }

    private void publishAndDispatch(Change change) {
        List<CallEvent> callEvents = publishCalls(change);
        dispatch(callEvents, change.finishDns());
    }

    private List<CallEvent> publishCalls(Change change) {
        List<CallEvent> events = change.finish();
        calls.publish(change.calls());
        acd.publish();
        return events;
    }

    private void dispatch(List<CallEvent> callEvents, List<DnEvent> dnEvents) {
        for (CallEvent event : callEvents) {
            for (SwitchListener listener : listeners) {
                try {
                    listener.onCallEvent(event);
                } catch (RuntimeException e) {
                    LOG.error("switch listener {} failed on {}", listener, event, e);
                }
            }
        }
        for (DnEvent event : dnEvents) {
            for (SwitchListener listener : listeners) {
                try {
                    listener.onDnEvent(event);
                } catch (RuntimeException e) {
                    LOG.error("switch listener {} failed on {}", listener, event, e);
                }
            }
        }
    }
}
