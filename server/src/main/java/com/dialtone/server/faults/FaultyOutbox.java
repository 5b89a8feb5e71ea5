package com.dialtone.server.faults;

import com.dialtone.server.notifications.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The outbox the notifiers write to, in front of the CometD one: while a notification fault covers a user,
 * their notifications are delayed, dropped (their CometD sessions cut) or duplicated. Nothing here blocks: a
 * delayed notification waits on the faults' timer, and the user's later ones wait behind it so that the order
 * stays as sent; other users' notifications go straight through.
 */
public final class FaultyOutbox implements Outbox {

    /** A user's delayed notifications: when the last is due, and how many are waiting. */
    private static final class Tail {
        long dueNanos;
        int waiting;
    }

    private final Outbox target;
    private final Faults faults;
    private final Map<String, Tail> tails = new ConcurrentHashMap<>();

    public FaultyOutbox(Outbox target, Faults faults) {
        this.target = target;
        this.faults = faults;
    }

    @Override
    public boolean isListening(String userId, String channel) {
        return target.isListening(userId, channel);
    }

    @Override
    public void deliver(String userId, String channel, Object data) {
        if (faults.active().isEmpty() && tails.isEmpty()) {
            target.deliver(userId, channel, data);
            return;
        }
        Instant now = Instant.now();
        int copies = 1;
        Duration delay = Duration.ZERO;
        for (Fault fault : faults.active()) {
            if (!fault.kind.isNotification() || !fault.scope.covers(userId) || !fault.take(now)) {
                continue;
            }
            faults.used(fault);
            switch (fault.kind) {
                case DROP_NOTIFICATIONS -> {
                    // Lost as on a broken connection, and the connection is broken: the client must handshake again.
                    faults.cutLater(userId);
                    return;
                }
                case DUPLICATE_NOTIFICATIONS -> copies = 2;
                default -> delay = delay.compareTo(fault.delay) >= 0 ? delay : fault.delay;
            }
        }
        send(userId, channel, data, copies, delay);
    }

    private void send(String userId, String channel, Object data, int copies, Duration delay) {
        long now = System.nanoTime();
        long due;
        Tail tail;
        synchronized (tails) {
            tail = tails.get(userId);
            if (tail == null && delay.isZero()) {
                for (int i = 0; i < copies; i++) {
                    target.deliver(userId, channel, data);
                }
                return;
            }
            if (tail == null) {
                tail = new Tail();
                tails.put(userId, tail);
            }
            // Never before an earlier delayed one: the timer runs tasks due at the same time in the order given.
            due = Math.max(now + delay.toNanos(), tail.dueNanos);
            tail.dueNanos = due;
            tail.waiting++;
        }
        Tail waitingIn = tail;
        faults.later(() -> {
            try {
                for (int i = 0; i < copies; i++) {
                    target.deliver(userId, channel, data);
                }
            } finally {
                synchronized (tails) {
                    if (--waitingIn.waiting == 0) {
                        tails.remove(userId, waitingIn);
                    }
                }
            }
        }, due - now);
    }
}
