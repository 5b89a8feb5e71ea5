package com.dialtone.switching.embedded;

import com.dialtone.switching.ReleaseCause;
import com.dialtone.switching.endpoint.Endpoint;
import com.dialtone.switching.endpoint.Leg;
import java.time.Duration;

/**
 * Plays the people behind external numbers, as the dial plan says: they answer after a while, are busy,
 * never answer, or answer and hang up. What they do is reported on their legs later, on the switch's
 * clock ({@link Leg#after}); the reports of a leg that ended are dropped.
 */
final class SimulatedFarEnd implements Endpoint {

    private final DialPlan plan;

    SimulatedFarEnd(DialPlan plan) {
        this.plan = plan;
    }

    @Override
    public void requireReady(String number) {
    }

    @Override
    public void dial(Leg leg) {
        // A far end never places a call at a client's request.
    }

    @Override
    public void ring(Leg leg) {
        FarEndBehaviour behaviour = plan.behaviourOf(leg.number());
        switch (behaviour.outcome()) {
            case BUSY -> leg.after(Duration.ZERO).busy();
            case ANSWER -> {
                leg.after(behaviour.answerAfter()).answered();
                leg.after(plan.noAnswerTimeout()).noAnswer();
            }
            case NO_ANSWER -> leg.after(plan.noAnswerTimeout()).noAnswer();
        }
    }

    @Override
    public boolean answer(Leg leg) {
        return true;
    }

    @Override
    public void connect(Leg leg) {
        Duration hangUpAfter = plan.behaviourOf(leg.number()).hangUpAfter();
        if (hangUpAfter != null) {
            leg.after(hangUpAfter).hungUp();
        }
    }

    @Override
    public void update(Leg leg) {
    }

    @Override
    public void hold(Leg leg) {
    }

    @Override
    public void retrieve(Leg leg) {
    }

    @Override
    public void playDtmf(Leg leg, String digits) {
    }

    @Override
    public void release(Leg leg, ReleaseCause cause) {
    }

    @Override
    public String toString() {
        return "simulated far end";
    }
}
