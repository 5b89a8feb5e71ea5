package com.dialtone.switching.embedded;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The production loop: one daemon thread named {@code dialtone-switch}, with the system clocks. */
public final class ThreadSwitchLoop implements SwitchLoop {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadSwitchLoop.class);

    private final ScheduledThreadPoolExecutor executor;

    public ThreadSwitchLoop() {
        executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "dialtone-switch");
            thread.setDaemon(true);
            return thread;
        });
        // Released calls cancel their timers; don't keep thousands of dead ones queued until they expire.
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(guarded(task));
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> future = executor.schedule(guarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    /**
     * Stops taking work and waits (briefly) for the task under way, so that its events have reached the
     * listeners when this returns: a server drains what they queued (its call history) after this.
     */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("the switch loop did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // An executor swallows a task's exception into a future nobody reads; log it instead.
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.error("switch task failed", e);
            }
        };
    }
}
