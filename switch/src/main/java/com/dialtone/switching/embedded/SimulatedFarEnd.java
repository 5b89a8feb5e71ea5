package com.dialtone.switching.embedded;

import com.dialtone.switching.endpoint.Leg;
import java.time.Duration;

/**
 * Plays the people behind external numbers, as the dial plan says: they answer after a while, are busy,
 * never answer, or answer and hang up. What they do is reported on their legs later, on the switch's
 * clock ({@link Leg#after}); the reports of a leg that ended are dropped.
 */
final class SimulatedFarEnd extends SimulatedDevice {

    private final DialPlan plan;

    SimulatedFarEnd(DialPlan plan) {
        this.plan = plan;
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
    public void connect(Leg leg) {
        Duration hangUpAfter = plan.behaviourOf(leg.number()).hangUpAfter();
        if (hangUpAfter != null) {
            leg.after(hangUpAfter).hungUp();
        }
    }

    @Override
    public String toString() {
        return "simulated far end";
    }
}
