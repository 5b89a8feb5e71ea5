package com.dialtone.switching.embedded;

import com.dialtone.switching.endpoint.Leg;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays the people behind external numbers, as the dial plan says: they answer after a while, are busy,
 * never answer, or answer and hang up. What they do is reported on their legs later, on the switch's
 * clock ({@link Leg#after}); the reports of a leg that ended are dropped.
 */
final class SimulatedFarEnd extends SimulatedDevice {

    private final DialPlan plan;
    /** Numbers told to behave otherwise for a while (the test lab), by number. */
    private final Map<String, Overridden> overrides = new ConcurrentHashMap<>();

    /** A behaviour for the next {@code calls} calls to a number, or until cleared when 0. */
    private record Overridden(FarEndBehaviour behaviour, int calls) {
    }

    SimulatedFarEnd(DialPlan plan) {
        this.plan = plan;
    }

    @Override
    public void ring(Leg leg) {
        FarEndBehaviour behaviour = behaviourFor(leg.number());
        leg.attach(behaviour); // how it behaves once connected too
        switch (behaviour.outcome()) {
            case BUSY -> leg.after(Duration.ZERO).busy();
            case ANSWER -> {
                leg.after(behaviour.answerAfter()).answered();
                leg.after(plan.noAnswerTimeout()).noAnswer();
            }
            case NO_ANSWER -> leg.after(plan.noAnswerTimeout()).noAnswer();
        }
    }

    /** From now on the number behaves so for its next {@code calls} calls (all when 0); null goes back to the dial plan. */
    void override(String number, FarEndBehaviour behaviour, int calls) {
        if (behaviour == null) {
            overrides.remove(number);
        } else {
            overrides.put(number, new Overridden(behaviour, calls));
        }
    }

    /** The calls the number's override has left (0: every call until cleared), or empty when it has none. */
    java.util.OptionalInt overrideCallsLeft(String number) {
        Overridden override = overrides.get(number);
        return override == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(override.calls());
    }

    /** How the number behaves for a call reaching it now: an override (counting the call), else the dial plan. */
    private FarEndBehaviour behaviourFor(String number) {
        Overridden override = overrides.get(number);
        if (override == null) {
            return plan.behaviourOf(number);
        }
        if (override.calls() == 1) {
            overrides.remove(number, override);
        } else if (override.calls() > 1) {
            overrides.replace(number, override, new Overridden(override.behaviour(), override.calls() - 1));
        }
        return override.behaviour();
    }

    @Override
    public void connect(Leg leg) {
        FarEndBehaviour behaviour = leg.attachment() instanceof FarEndBehaviour rung ? rung : plan.behaviourOf(leg.number());
        Duration hangUpAfter = behaviour.hangUpAfter();
        if (hangUpAfter != null) {
            leg.after(hangUpAfter).hungUp();
        }
    }

    @Override
    public String toString() {
        return "simulated far end";
    }
}
