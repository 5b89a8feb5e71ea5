package com.dialtone.switching.embedded;

import com.dialtone.switching.endpoint.Endpoint;
import com.dialtone.switching.endpoint.Endpoints;

/**
 * The simulation's endpoints: every DN has the {@linkplain SimulatedPhone instant phone}, every external
 * number a {@linkplain SimulatedFarEnd far end} that behaves as the dial plan says. Another kind of
 * endpoint (SIP phones for some DNs, a trunk for some numbers) is plugged in by an {@link Endpoints} that
 * returns it where the configuration says and falls back to these for the rest.
 */
public final class SimulatedEndpoints implements Endpoints {

    private final SimulatedFarEnd farEnd;

    public SimulatedEndpoints(DialPlan dialPlan) {
        this.farEnd = new SimulatedFarEnd(dialPlan);
    }

    @Override
    public Endpoint ofDn(String dn) {
        return SimulatedPhone.INSTANCE;
    }

    @Override
    public Endpoint ofExternal(String number) {
        return farEnd;
    }

    /**
     * For its next {@code calls} calls (every call when 0), the far end of an external number behaves so,
     * whatever the dial plan says: busy, never answering, answering and hanging up at once. A null
     * behaviour goes back to the dial plan. Any thread; it applies to calls that reach the number from now
     * on. For the test lab (scenario customers who are busy, faults).
     */
    public void overrideFarEnd(String number, FarEndBehaviour behaviour, int calls) {
        if (calls < 0) {
            throw new IllegalArgumentException("calls must not be negative, was " + calls);
        }
        farEnd.override(number, behaviour, calls);
    }

    /**
     * How many more calls the override of an external number lasts: 0 for every call until it is cleared,
     * empty when the number has none (never had one, was cleared, or its calls are used up).
     */
    public java.util.OptionalInt farEndOverride(String number) {
        return farEnd.overrideCallsLeft(number);
    }
}
