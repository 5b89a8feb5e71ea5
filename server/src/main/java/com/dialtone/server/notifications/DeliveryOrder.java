package com.dialtone.server.notifications;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
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
 * <p>The switch's thread only appends to a lane, never waits: a delivery goes out at once when nothing is
 * waiting in that user's lane, else it is queued. When a gate completes, the thread completing it (the
 * history writer) delivers what became ready, in order. A lane's lock is held only while messages are
 * handed to CometD, which only queues them; never across a database write.
 */
public final class DeliveryOrder {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryOrder.class);

    /** One per user who has been sent anything; bounded by the number of users, so never removed. */
    private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();

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
        lanes.computeIfAbsent(userId, id -> new Lane()).add(gate == null ? null : gate.toCompletableFuture(), delivery);
    }

    /** How many deliveries wait in the user's lane; for tests and diagnostics. */
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
        private final ArrayDeque<Waiting> queue = new ArrayDeque<>();

        synchronized void add(CompletableFuture<?> gate, Runnable delivery) {
            Waiting waiting = new Waiting(gate, delivery);
            if (queue.isEmpty() && waiting.isReady()) {
                run(delivery);
                return;
            }
            queue.add(waiting);
            if (queue.size() == 1) {
                // It is the head, and not ready: drain when its gate opens. (If it opened in between,
                // whenComplete runs drain here and now; the lock is reentrant.)
                gate.whenComplete((result, failure) -> drain());
            }
        }

        synchronized void drain() {
            while (!queue.isEmpty()) {
                Waiting head = queue.peek();
                if (!head.isReady()) {
                    head.gate().whenComplete((result, failure) -> drain());
                    return;
                }
                queue.poll();
                run(head.delivery());
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
