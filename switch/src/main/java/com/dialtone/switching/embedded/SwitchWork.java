package com.dialtone.switching.embedded;

import com.dialtone.switching.CallEvent;
import com.dialtone.switching.DnEvent;
import com.dialtone.switching.SwitchListener;
import com.dialtone.switching.SwitchRejection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every unit of work of the switch on its {@link SwitchLoop}, requests and timers alike, and what follows
 * each one: the rules that react to the change settle it, the calls and DNs it touched are published, and
 * its events go to the listeners, still on the loop.
 *
 * <p>A request is checked before it changes anything, so one that is refused ({@link SwitchRejection})
 * changed nothing and publishes nothing. A bug halfway through a change publishes what it changed, so
 * readers and listeners see the calls as they are.
 */
final class SwitchWork implements PartyScheduler {

    // Logged under the switch's name, as before the loop had a class of its own.
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSwitch.class);

    private final SwitchLoop loop;
    private final Calls calls;
    private final Consumer<Change> settle;
    private final Consumer<Change> published;
    private final List<SwitchListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param settle    applies the rules that react to a change's party moves, before anything is published
     * @param published runs once a change's calls are published, before its DN events are handed out
     */
    SwitchWork(SwitchLoop loop, Calls calls, Consumer<Change> settle, Consumer<Change> published) {
        this.loop = loop;
        this.calls = calls;
        this.settle = settle;
        this.published = published;
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

    @Override
    public void schedule(Duration delay, Party party, Consumer<Change> action) {
        party.addTimer(loop.schedule(delay, () -> {
            if (party.isActive()) {
                work(action);
            }
        }));
    }

    /** Work the switch does by itself once the delay has passed. */
    SwitchLoop.Timer later(Duration delay, Consumer<Change> action) {
        return loop.schedule(delay, () -> work(action));
    }

    /** Work the switch does by itself, as a unit of its own after the current one. */
    void soon(Consumer<Change> action) {
        loop.execute(() -> work(action));
    }

    /** Work the switch does by itself, on the loop already: a timer, a routing pass. */
    private void work(Consumer<Change> action) {
        process(loop.nanoTime(), change -> {
            action.accept(change);
            return null;
        }, new CompletableFuture<>());
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
            publishAndDispatch(change);
            return;
        }
        try {
            settle.accept(change);
        } catch (RuntimeException bug) {
            LOG.error("switch rules failed after a change; publishing what it changed", bug);
        }
        List<CallEvent> callEvents = publishCalls(change);
        List<DnEvent> dnEvents = publishDns(change);
        result.complete(value);
        dispatch(callEvents, dnEvents);
    }

    private void publishAndDispatch(Change change) {
        List<CallEvent> callEvents = publishCalls(change);
        dispatch(callEvents, publishDns(change));
    }

    private List<CallEvent> publishCalls(Change change) {
        List<CallEvent> events = change.finish();
        calls.publish(change.calls());
        return events;
    }

    private List<DnEvent> publishDns(Change change) {
        List<DnEvent> events = change.finishDns();
        published.accept(change);
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
