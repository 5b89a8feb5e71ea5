package com.dialtone.server.notifications;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each user's notifications in the order they were made, while some of them must wait for
 * something before they may go out: a call's {@code Released} waits until the call's history is
 * committed (docs/call-history.md, "Durability"). Whatever comes later for the same user (the device going
 * to after-call work, the next call's {@code Dialing}) queues behind it, so a client never learns of
 * something that happened after a release before it learns of the release. Other users are not held up:
 * each user has a lane of their own.
 *
 * <p>Handing a message to CometD is not free: when the user's long poll is waiting, CometD writes the
 * reply there and then, on the calling thread (tens to hundreds of microseconds of HTTP and socket work,
 * docs/BENCHMARKS.md). So the switch's thread and the history writer only append to a lane; the lane's
 * deliveries run on the delivery executor, one lane at a time in order, many lanes at once. A side
 * effect is welcome under load: a message that finds the lane still draining goes out in the same reply
 * as the one before it.
 */
public final class DeliveryOrder {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryOrder.class);

    /** One per user who has been sent anything; bounded by the number of users, so never removed. */
    private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();
    private final Executor executor;

    /** Deliveries on the caller's thread, or on whichever thread opens a gate: for tests. */
    public DeliveryOrder() {
        this(Runnable::run);
    }

    /** Deliveries on the executor, each user's in order. */
    public DeliveryOrder(Executor executor) {
        this.executor = executor;
    }

    /** Delivers now, or after whatever is waiting for this user. */
    public void deliver(String userId, Runnable delivery) {
        deliverAfter(userId, null, delivery);
    }

    /**
     * Delivers once {@code gate} has completed (normally or not) and everything queued before it for this
     * user has gone out.
     *
     * @param gate null to wait only for what is already queued
     */
    public void deliverAfter(String userId, CompletionStage<?> gate, Runnable delivery) {
        if (userId == null) {
            return; // a device without a user: nobody to tell
        }
        lanes.computeIfAbsent(userId, id -> new Lane(executor)).add(gate == null ? null : gate.toCompletableFuture(), delivery);
    }

    /** How many deliveries wait in the user's lane, not yet handed to CometD; for tests and diagnostics. */
    public int waiting(String userId) {
        Lane lane = lanes.get(userId);
        return lane == null ? 0 : lane.size();
    }

    private record Waiting(CompletableFuture<?> gate, Runnable delivery) {
        boolean isReady() {
            return gate == null || gate.isDone();
        }
    }

    private static final class Lane {
        private final Executor executor;
        private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
        /** A drain is queued on the executor or running: it will see whatever is added meanwhile. */
        private boolean draining;

        Lane(Executor executor) {
            this.executor = executor;
        }

        synchronized void add(CompletableFuture<?> gate, Runnable delivery) {
            queue.add(new Waiting(gate, delivery));
            if (queue.size() == 1) {
                startOrAwait();
            }
        }

        /** The head is ready: drain; else drain when its gate opens (at once if it opened meanwhile). */
        private synchronized void startOrAwait() {
            Waiting head = queue.peek();
            if (head == null || draining) {
                return;
            }
            if (head.isReady()) {
                draining = true;
                executor.execute(this::drain);
            } else {
                head.gate().whenComplete((result, failure) -> startOrAwait());
            }
        }

        private void drain() {
            while (true) {
                Runnable next;
                synchronized (this) {
                    Waiting head = queue.peek();
                    if (head == null || !head.isReady()) {
                        draining = false;
                        startOrAwait();
                        return;
                    }
                    queue.poll();
                    next = head.delivery();
                }
                // Outside the lock: CometD may write to a socket here, and adding to the lane must never wait for that.
                run(next);
            }
        }

        synchronized int size() {
            return queue.size();
        }

        /** One failed delivery must not hold up the rest of the lane. */
        private static void run(Runnable delivery) {
            try {
                delivery.run();
            } catch (RuntimeException e) {
                LOG.error("delivering a notification failed", e);
            }
        }
    }
}
