package com.dialtone.switching.embedded;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.PriorityQueue;

/**
 * A loop on the test's own thread whose clock moves only in {@link #advance}: timers (ring timeouts,
 * far ends answering, wrap-up) take no real time. Part of the switch's test-jar, for the server's tests
 * too. Tasks run on the thread that submits them; a lock makes a task submitted from another thread (a
 * server's request thread) wait until the running one is done, so the switch still sees one task at a time.
 */
public final class ManualSwitchLoop implements SwitchLoop {

    private static final Instant EPOCH = Instant.parse("2026-01-01T09:00:00Z");

    private record Scheduled(long dueNanos, long order, Runnable task, boolean[] cancelled) {
    }

    private final Deque<Runnable> tasks = new ArrayDeque<>();
    private final PriorityQueue<Scheduled> timers =
            new PriorityQueue<>(Comparator.comparingLong(Scheduled::dueNanos).thenComparingLong(Scheduled::order));
    private volatile long nanos;
    private long order;
    private boolean running;

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(task);
        if (running) {
            return; // run to completion: a task submitted from a task runs after it, as on a real loop
        }
        running = true;
        try {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        } finally {
            running = false;
        }
    }

    @Override
    public synchronized Timer schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        timers.add(new Scheduled(nanos + delay.toNanos(), order++, task, cancelled));
        return () -> {
            synchronized (this) {
                cancelled[0] = true;
            }
        };
    }

    /** Moves the clock forward, running every timer that falls due on the way, in order. */
    public synchronized void advance(Duration duration) {
        long target = nanos + duration.toNanos();
        while (!timers.isEmpty() && timers.peek().dueNanos() <= target) {
            Scheduled next = timers.poll();
            nanos = next.dueNanos();
            if (!next.cancelled()[0]) {
                execute(next.task());
            }
        }
        nanos = target;
    }

    /** Runs the timers due now, such as a far end that answers at once. */
    public void runDueTimers() {
        advance(Duration.ZERO);
    }

    public synchronized long pendingTimers() {
        return timers.stream().filter(t -> !t.cancelled()[0]).count();
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public Instant now() {
        return EPOCH.plusNanos(nanos);
    }

    @Override
    public void close() {
    }
}
