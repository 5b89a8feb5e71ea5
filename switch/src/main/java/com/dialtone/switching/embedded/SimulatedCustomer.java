package com.dialtone.switching.embedded;

import com.dialtone.switching.CustomerBehaviour;
import com.dialtone.switching.Numbers;
import com.dialtone.switching.SwitchRejection;
import com.dialtone.switching.SwitchRejection.Reason;
import com.dialtone.switching.UserData;
import com.dialtone.switching.endpoint.Leg;
import java.time.Duration;

/**
 * Plays a customer who calls in, as its {@link CustomerBehaviour} says (the attachment of its leg): it may
 * give up after a while, talk for a while once answered, and key in digits. Unlike a simulated far end it
 * answers nothing; it is the caller. What it does is reported on its leg later, on the switch's clock;
 * the reports of a leg that ended are dropped.
 */
final class SimulatedCustomer extends SimulatedDevice {

    private final IncomingCalls incoming;

    SimulatedCustomer(IncomingCalls incoming) {
        this.incoming = incoming;
    }

    /** A customer from an external number calls a routing point or a DN. */
    Call call(String from, String to, UserData userData, CustomerBehaviour behaviour, Change change) {
        incoming.requireOutsideCall(from, to);
        CustomerBehaviour behaves = behaviour == null ? CustomerBehaviour.stays() : behaviour;
        check(behaves);
        Call call = incoming.fromOutside(this, from, to, userData, behaves, change);
        // The patience it has runs from now, whatever happens.
        if (behaves.hangUpAfter() != null) {
            call.findActive(from).leg().after(behaves.hangUpAfter()).hungUp();
        }
        return call;
    }

    /** Refuses a behaviour that cannot be played: negative timings, or digits that cannot be keyed in. */
    private static void check(CustomerBehaviour behaviour) {
        for (Duration duration : new Duration[] {behaviour.hangUpAfter(), behaviour.talkFor(), behaviour.dtmfAfter()}) {
            if (duration != null && duration.isNegative()) {
                throw new SwitchRejection(Reason.INVALID_ARGUMENT, "a customer's timings must not be negative, was " + duration);
            }
        }
        if (behaviour.dtmf() != null && !Numbers.isDtmf(behaviour.dtmf())) {
            throw new SwitchRejection(Reason.INVALID_ARGUMENT,
                    "DTMF digits must be " + Numbers.DTMF_SHAPE + ", was '" + behaviour.dtmf() + "'");
        }
    }

    /** Someone answered the customer: the conversation's timers start. */
    @Override
    public void connect(Leg leg) {
        if (!(leg.attachment() instanceof CustomerBehaviour behaviour)) {
            return;
        }
        if (behaviour.talkFor() != null) {
            leg.after(behaviour.talkFor()).hungUp();
        }
        if (behaviour.dtmf() != null) {
            leg.after(behaviour.dtmfAfter() == null ? Duration.ZERO : behaviour.dtmfAfter()).dtmf(behaviour.dtmf());
        }
    }

    @Override
    public String toString() {
        return "simulated customer";
    }
}
