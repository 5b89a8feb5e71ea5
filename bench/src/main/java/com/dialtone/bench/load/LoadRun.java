package com.dialtone.bench.load;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Runs agents' loops through one phase: warm-up, the measured window, then each agent finishes its call. */
final class LoadRun {

    private final ScheduledExecutorService scheduler;
    private final Duration timeout;

    LoadRun(ScheduledExecutorService scheduler, Duration timeout) {
        this.scheduler = scheduler;
        this.timeout = timeout;
    }

    /**
     * @param callsPerSecond 0 for as fast as the agents go, else the total rate the agents' dials are paced at
     */
    Phase run(List<Agent> agents, Phase phase, double callsPerSecond, Duration warmup, Duration duration) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(agents.size());
        long period = callsPerSecond <= 0 ? 0 : (long) (agents.size() * 1e9 / callsPerSecond);
        for (int i = 0; i < agents.size(); i++) {
            agents.get(i).start(phase, period, period == 0 ? 0 : period * i / agents.size(), stopped);
        }
        long timeoutNanos = timeout.toNanos();
        ScheduledFuture<?> watchdog = scheduler.scheduleWithFixedDelay(() -> {
            long now = System.nanoTime();
            agents.forEach(agent -> agent.checkOverdue(now, timeoutNanos));
        }, 250, 250, TimeUnit.MILLISECONDS);
        try {
            progress(phase, "warming up for " + warmup.toSeconds() + " s");
            Thread.sleep(warmup.toMillis());
            phase.startMeasuring();
            progress(phase, "measuring for " + duration.toSeconds() + " s");
            long end = System.nanoTime() + duration.toNanos();
            long reported = 0;
            while (System.nanoTime() < end) {
                Thread.sleep(Math.min(5_000, Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
                long calls = phase.completeCalls.sum();
                if (System.nanoTime() < end) {
                    progress(phase, String.format("%,d calls in the last 5 s", calls - reported));
                }
                reported = calls;
            }
            phase.stopMeasuring();
            agents.forEach(Agent::stop);
            // Calls still going end now; any notification still awaited after the timeout is counted missing.
            if (!stopped.await(timeoutNanos + TimeUnit.SECONDS.toNanos(2), TimeUnit.NANOSECONDS)) {
                progress(phase, stopped.getCount() + " agents did not finish their call");
            }
        } finally {
            watchdog.cancel(false);
        }
        return phase;
    }

    static void progress(Phase phase, String what) {
        System.err.println("[" + phase.title + "] " + what);
    }
}
