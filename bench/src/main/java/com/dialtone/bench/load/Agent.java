package com.dialtone.bench.load;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cometd.bayeux.Message;
import org.cometd.client.BayeuxClient;

/**
 * One simulated agent desktop in a loop: dial, and on {@code Dialing} then {@code Established} hang up, and on
 * {@code Released} dial again (at once, or at its next slot when the phase is paced). Every step waits for a
 * notification on its CometD session; one that does not come within the timeout counts as missing, and
 * the agent starts over with a new call.
 *
 * <p>Notifications and replies arrive on client threads; the agent's state is guarded by its monitor,
 * and nothing blocks while holding it.
 */
final class Agent {

    private enum Step { IDLE, AWAIT_DIALING, AWAIT_ESTABLISHED, AWAIT_RELEASED, STOPPED }

    final String userName;
    final String sessionCookie;
    final String deviceId;
    final BayeuxClient cometd;
    private final CallControl control;
    private final ScheduledExecutorService scheduler;

    private Phase phase;
    private Step step = Step.STOPPED;
    private long stepSince;
    private long dialSent;
    private long dialingAt;
    private long hangupSent;
    private String callId;
    private String abandonedCallId;
    private long periodNanos;
    private long nextDialAt;
    private boolean stopping;
    private CountDownLatch stopped;

    Agent(String userName, String sessionCookie, String deviceId, BayeuxClient cometd, CallControl control,
          ScheduledExecutorService scheduler) {
        this.userName = userName;
        this.sessionCookie = sessionCookie;
        this.deviceId = deviceId;
        this.cometd = cometd;
        this.control = control;
        this.scheduler = scheduler;
    }

    /**
     * Starts the loop in a phase.
     *
     * @param periodNanos 0 to dial again as soon as a call is released, else the time between two dials
     * @param offsetNanos when the first dial goes, so paced agents are spread over the period
     */
    synchronized void start(Phase phase, long periodNanos, long offsetNanos, CountDownLatch stopped) {
        this.phase = phase;
        this.periodNanos = periodNanos;
        this.stopped = stopped;
        this.stopping = false;
        this.step = Step.IDLE;
        this.nextDialAt = System.nanoTime() + offsetNanos;
        scheduleDial();
    }

    /** Makes no new call; the current one is finished first. */
    synchronized void stop() {
        stopping = true;
        if (step == Step.IDLE) {
            finish();
        }
    }

    private void finish() {
        step = Step.STOPPED;
        stopped.countDown();
    }

    private void scheduleDial() {
        long delay = nextDialAt - System.nanoTime();
        if (delay <= 0) {
            dial();
        } else {
            scheduler.schedule(this::dialIfIdle, delay, TimeUnit.NANOSECONDS);
        }
    }

    private synchronized void dialIfIdle() {
        if (step == Step.IDLE) {
            if (stopping) {
                finish();
            } else {
                dial();
            }
        }
    }

    private void dial() {
        callId = null;
        step = Step.AWAIT_DIALING;
        dialSent = stepSince = System.nanoTime();
        nextDialAt = periodNanos == 0 ? 0 : nextDialAt + periodNanos;
        long sent = dialSent;
        Phase current = phase;
        control.dial(this, failure -> {
            long now = System.nanoTime();
            if (failure != null) {
                current.error(userName + ": dial: " + failure);
            } else if (current.measuring()) {
                current.dialReply.record(sent, now);
            }
        });
    }

    /** A notification on the agent's calls channel. */
    void onMessage(Message message) {
        long now = System.nanoTime();
        Map<String, Object> data = message.getDataAsMap();
        Phase current;
        synchronized (this) {
            current = phase;
        }
        if (current == null) {
            return;
        }
        if (current.measuring()) {
            current.notifications.increment();
        }
        if ("ErrorMessage".equals(data.get("messageType"))) {
            current.error(userName + ": " + data);
            return;
        }
        if (!(data.get("call") instanceof Map<?, ?> call)) {
            return;
        }
        String id = (String) call.get("id");
        String state = (String) call.get("state");
        if (id != null && state != null) {
            onCallState(current, id, state, now);
        }
    }

    private synchronized void onCallState(Phase current, String id, String state, long now) {
        if (id.equals(abandonedCallId)) {
            return; // a call this agent gave up on
        }
        switch (step) {
            case AWAIT_DIALING -> {
                if (state.equals("Dialing")) {
                    callId = id;
                    dialingAt = stepSince = now;
                    step = Step.AWAIT_ESTABLISHED;
                    if (current.measuring()) {
                        current.dialToDialing.record(dialSent, now);
                    }
                }
            }
            case AWAIT_ESTABLISHED -> {
                if (id.equals(callId) && state.equals("Established")) {
                    if (current.measuring()) {
                        current.dialingToEstablished.record(dialingAt, now);
                    }
                    step = Step.AWAIT_RELEASED;
                    hangupSent = stepSince = now;
                    control.hangup(this, id, failure -> {
                        if (failure != null) {
                            current.error(userName + ": hangup: " + failure);
                        }
                    });
                } else if (id.equals(callId) && state.equals("Released")) {
                    current.error(userName + ": call " + id + " released before it was established");
                    released();
                }
            }
            case AWAIT_RELEASED -> {
                if (id.equals(callId) && state.equals("Released")) {
                    if (current.measuring()) {
                        current.hangupToReleased.record(hangupSent, now);
                        current.completeCalls.increment();
                    }
                    released();
                }
            }
            default -> {
                // a late notification of a call this agent gave up on, or of a stopped phase
            }
        }
    }

    private void released() {
        step = Step.IDLE;
        if (stopping) {
            finish();
        } else {
            scheduleDial();
        }
    }

    /**
     * Called now and then by the run: a notification awaited longer than the timeout is missing. The agent
     * hangs up what it has and starts over after a pause.
     */
    synchronized void checkOverdue(long now, long timeoutNanos) {
        if (step != Step.AWAIT_DIALING && step != Step.AWAIT_ESTABLISHED && step != Step.AWAIT_RELEASED) {
            return;
        }
        if (now - stepSince < timeoutNanos) {
            return;
        }
        String awaited = switch (step) {
            case AWAIT_DIALING -> "Dialing";
            case AWAIT_ESTABLISHED -> "Established";
            default -> "Released";
        };
        phase.missing(userName + ": no " + awaited + " within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms"
                + (callId == null ? "" : " (call " + callId + ")"));
        if (callId != null) {
            abandonedCallId = callId;
            control.hangup(this, callId, failure -> { });
        }
        callId = null;
        step = Step.IDLE;
        nextDialAt = now + TimeUnit.SECONDS.toNanos(1);
        if (stopping) {
            finish();
        } else {
            scheduleDial();
        }
    }

    /** Stops counting: a stopped agent that never finished (the run gave up waiting). */
    synchronized boolean isStopped() {
        return step == Step.STOPPED;
    }
}
