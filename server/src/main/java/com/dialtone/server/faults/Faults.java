package com.dialtone.server.faults;

import com.dialtone.server.api.RequestGate;
import com.dialtone.server.auth.User;
import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.StatusCode;
import com.dialtone.switching.embedded.FarEndBehaviour;
import com.dialtone.switching.embedded.SimulatedEndpoints;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The faults injected into this server (docs/test-lab.md, "Faults"), and where they act: as the API's
 * {@link RequestGate} (refused operations, slow replies), in the {@link FaultyOutbox} (delayed, dropped,
 * duplicated notifications), in the {@link LinkedSwitch} (the switch link down) and in the simulated far
 * ends (external numbers busy, unanswered, hanging up). With no fault, each of those costs one check of an
 * empty list.
 */
public final class Faults implements RequestGate, AutoCloseable {

    /** At most this many faults at once: a forgotten loop of adds must not slow every request. */
    public static final int MAX_FAULTS = 100;
    public static final int MAX_COUNT = 10_000;
    public static final Duration MAX_DURATION = Duration.ofHours(24);
    /** A slow reply holds a request thread for its delay, so it is short; notifications wait on a timer, but as long at most. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(Faults.class);

    private final SimulatedEndpoints farEnds;
    private final Consumer<String> cutSessions;
    private final List<Fault> active = new CopyOnWriteArrayList<>();
    /** The latest fault on each external number: only it may give the number back to the dial plan. */
    private final Map<String, String> numberOwners = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dialtone-faults");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Runnable linkChanged = () -> { };
    private int lastId;

    /**
     * @param cutSessions cuts a user's CometD sessions now (null: everyone's)
     */
    public Faults(SimulatedEndpoints farEnds, Consumer<String> cutSessions) {
        this.farEnds = farEnds;
        this.cutSessions = cutSessions;
    }

    /** What to run when the switch link goes down or comes back (tell every device's owner how it is now). */
    public void onLinkChange(Runnable action) {
        this.linkChanged = action;
    }

    /** Adds a fault and starts its effect; returns how it is listed. */
    Map<String, Object> add(Fault.Kind kind, Fault.Scope scope, int count, Duration duration, StatusCode statusCode, String statusMessage,
                            Duration delay) {
        Fault fault;
        boolean linkWasDown;
        synchronized (this) {
            if (active.size() >= MAX_FAULTS) {
                throw new GwsException(StatusCode.INVALID_STATE, MAX_FAULTS + " faults are active, the most there may be; clear some first");
            }
            Instant now = Instant.now();
            String id = String.valueOf(++lastId);
            fault = new Fault(id, kind, scope, count, duration == null ? null : now.plus(duration), now, statusCode,
                    statusCode == null ? null : statusMessage != null ? statusMessage : "Refused by the test lab (fault " + id + ")", delay);
            linkWasDown = switchLinkDown();
            active.add(fault);
        }
        LOG.info("test lab fault {} added: {}", fault.id, fault.describe(null));
        switch (kind) {
            case SWITCH_LINK_DOWN -> {
                if (!linkWasDown) {
                    linkChanged.run();
                }
            }
            case DROP_NOTIFICATIONS -> timer.execute(() -> cutSessions.accept(scope.type() == Fault.Scope.Type.EVERYONE ? null : scope.userId()));
            case NUMBER_BUSY, NUMBER_UNANSWERED, NUMBER_ANSWERS_AND_HANGS_UP -> {
                numberOwners.put(scope.value(), fault.id);
                farEnds.overrideFarEnd(scope.value(), behaviour(kind), count);
            }
            default -> {
            }
        }
        if (fault.endsAt != null) {
            timer.schedule(() -> end(fault), Math.max(0, Duration.between(Instant.now(), fault.endsAt).toMillis()), TimeUnit.MILLISECONDS);
        }
        return fault.describe(numberCallsLeft(fault));
    }

    private static FarEndBehaviour behaviour(Fault.Kind kind) {
        return switch (kind) {
            case NUMBER_BUSY -> FarEndBehaviour.busy();
            case NUMBER_UNANSWERED -> FarEndBehaviour.noAnswer();
            default -> FarEndBehaviour.answerThenHangUp(Duration.ZERO, Duration.ZERO);
        };
    }

    /** The active faults, oldest first. */
    List<Map<String, Object>> list() {
        Instant now = Instant.now();
        for (Fault fault : active) {
            if (!fault.active(now) || fault.usedUp() || (fault.kind.isNumber() && numberCallsLeft(fault) == null)) {
                end(fault);
            }
        }
        return active.stream().map(f -> f.describe(numberCallsLeft(f))).toList();
    }

    /** For a number fault with a count: the calls it has left (the switch counts them); null when they are used up. */
    private Integer numberCallsLeft(Fault fault) {
        if (!fault.kind.isNumber() || fault.count == 0) {
            return null;
        }
        if (!fault.id.equals(numberOwners.get(fault.scope.value()))) {
            return null; // a later fault on the number replaced it
        }
        OptionalInt left = farEnds.farEndOverride(fault.scope.value());
        return left.isPresent() ? left.getAsInt() : null;
    }

    /** Clears one fault; false when there is no such active fault. */
    boolean clear(String id) {
        Optional<Fault> fault = active.stream().filter(f -> f.id.equals(id)).findFirst();
        fault.ifPresent(this::end);
        return fault.isPresent();
    }

    /** Clears every fault; returns how many there were. */
    int clearAll() {
        List<Fault> all = List.copyOf(active);
        all.forEach(this::end);
        return all.size();
    }

    /** Ends a fault, undoing what it did (the link back up, the number back to the dial plan), once. */
    void end(Fault fault) {
        if (!fault.end()) {
            return;
        }
        active.remove(fault);
        LOG.info("test lab fault {} ({}) is over", fault.id, fault.kind.wire);
        if (fault.kind == Fault.Kind.SWITCH_LINK_DOWN && !switchLinkDown()) {
            linkChanged.run();
        }
        if (fault.kind.isNumber() && numberOwners.remove(fault.scope.value(), fault.id)) {
            farEnds.overrideFarEnd(fault.scope.value(), null, 0);
        }
    }

    /** Ends the fault if that was its last time. */
    void used(Fault fault) {
        if (fault.usedUp()) {
            end(fault);
        }
    }

    /** The faults now, for the notification path: the same list object, iterated without a lock. */
    List<Fault> active() {
        return active;
    }

    /** Whether the link to the switch is down now (the devices are Inactive, /health/ready says so). */
    public boolean switchLinkDown() {
        if (active.isEmpty()) {
            return false;
        }
        Instant now = Instant.now();
        for (Fault fault : active) {
            if (fault.kind == Fault.Kind.SWITCH_LINK_DOWN && fault.active(now) && !fault.usedUp()) {
                return true;
            }
        }
        return false;
    }

    /** A request is about to go to the switch: true when the link is down and it must not (counted). */
    boolean refuseSwitchRequest() {
        if (active.isEmpty()) {
            return false;
        }
        Instant now = Instant.now();
        for (Fault fault : active) {
            if (fault.kind == Fault.Kind.SWITCH_LINK_DOWN && fault.take(now)) {
                used(fault);
                return true;
            }
        }
        return false;
    }

    /** Cuts a user's CometD sessions, off the caller's thread. */
    void cutLater(String userId) {
        timer.execute(() -> cutSessions.accept(userId));
    }

    /** Runs an action after a delay, on the faults' timer. */
    void later(Runnable action, long delayNanos) {
        timer.schedule(action, delayNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void admit(User user, String method, String path) {
        if (active.isEmpty() || method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return;
        }
        Instant now = Instant.now();
        for (Fault fault : active) {
            if (fault.kind == Fault.Kind.REFUSE_OPERATIONS && fault.scope.covers(user.id()) && fault.take(now)) {
                used(fault);
                throw new GwsException(fault.statusCode, fault.statusMessage);
            }
        }
    }

    @Override
    public void beforeReply(User user) {
        if (active.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        for (Fault fault : active) {
            if (fault.kind == Fault.Kind.SLOW_REPLIES && fault.scope.covers(user.id()) && fault.take(now)) {
                used(fault);
                try {
                    // Holding this request's own thread is the point: the reply really comes late. MAX_DELAY bounds it.
                    Thread.sleep(fault.delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
