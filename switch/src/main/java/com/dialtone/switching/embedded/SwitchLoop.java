package com.dialtone.switching.embedded;

import java.time.Duration;
import java.time.Instant;

/**
 * The single thread of control on which the embedded switch changes its calls, and its clock. Like a
 * T-Server, the switch does all its call processing in one place, so no change needs a lock and events
 * leave in the order they happened. Nothing run here may block.
 *
 * <p>Tests use a manual implementation whose time moves only when told to, so ring timeouts take no
 * real time.
 */
public interface SwitchLoop extends AutoCloseable {

    /** Runs the task on the loop, after the tasks already submitted. */
    void execute(Runnable task);

    /** Runs the task on the loop once the delay has passed. */
    Timer schedule(Duration delay, Runnable task);

    /** Monotonic time, comparable with {@link System#nanoTime()} on the real loop. */
    long nanoTime();

    /** Wall-clock time. */
    Instant now();

    @Override
    void close();

    /** A scheduled task that has not run yet can be cancelled. */
    interface Timer {
        void cancel();
    }
}
