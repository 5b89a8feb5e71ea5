package com.dialtone.switching.embedded;

import com.dialtone.switching.CallType;
import com.dialtone.switching.CustomerBehaviour;
import com.dialtone.switching.PartyState;
import com.dialtone.switching.ReleaseCause;
import com.dialtone.switching.SwitchRejection;
import com.dialtone.switching.SwitchRejection.Reason;
import com.dialtone.switching.UserData;
import java.time.Duration;

/**
 * Plays a customer who calls in, as its {@link CustomerBehaviour} says: it may give up after a while,
 * talk for a while once answered, and key in digits. Unlike a simulated far end it answers nothing; it is
 * the caller. Its actions are timers on its party, cancelled when it leaves.
 */
final class SimulatedCustomer {

    private final Calls calls;
    private final Destinations destinations;
    private final PartyScheduler scheduler;

    SimulatedCustomer(Calls calls, Destinations destinations, PartyScheduler scheduler) {
        this.calls = calls;
        this.destinations = destinations;
        this.scheduler = scheduler;
    }

    /** A customer from an external number calls a routing point or a DN. */
    Call call(String from, String to, UserData userData, CustomerBehaviour behaviour, Change change) {
        if (from == null || !Destinations.isDiallable(from) || destinations.isInside(from)) {
            throw new SwitchRejection(Reason.INVALID_ARGUMENT, "a customer calls from an external number, not '" + from + "'");
        }
        if (to == null || !destinations.isInside(to)) {
            throw new SwitchRejection(Reason.INVALID_DESTINATION, "a customer calls a routing point or a DN, not '" + to + "'");
        }
        CustomerBehaviour behaves = behaviour == null ? CustomerBehaviour.stays() : behaviour;
        check(behaves);
        Destinations.Destination target = destinations.of(null, to);
        if (target.number().equals(from)) {
            throw new SwitchRejection(Reason.INVALID_DESTINATION, to + " forwards its calls to " + from + ", the caller");
        }
        Call call = calls.create(CallType.INBOUND, from, to, null, null, userData == null ? UserData.empty() : userData, change);
        called(call, call.join(from, false, PartyState.DIALING, null, change), behaves);
        destinations.ring(call, target, null, change);
        return call;
    }

    /** Refuses a behaviour that cannot be played: negative timings, or digits that cannot be keyed in. */
    private static void check(CustomerBehaviour behaviour) {
        for (Duration duration : new Duration[] {behaviour.hangUpAfter(), behaviour.talkFor(), behaviour.dtmfAfter()}) {
            if (duration != null && duration.isNegative()) {
                throw new SwitchRejection(Reason.INVALID_ARGUMENT, "a customer's timings must not be negative, was " + duration);
            }
        }
        if (behaviour.dtmf() != null && !Call.DTMF.matcher(behaviour.dtmf()).matches()) {
            throw new SwitchRejection(Reason.INVALID_ARGUMENT,
                    "DTMF digits must be 1 to 64 of 0-9, * and #, was '" + behaviour.dtmf() + "'");
        }
    }

    /** The customer's call has just started: the patience it has runs from now, whatever happens. */
    private void called(Call call, Party customer, CustomerBehaviour behaviour) {
        customer.setCustomer(behaviour);
        if (behaviour.hangUpAfter() != null) {
            scheduler.schedule(behaviour.hangUpAfter(), customer, change -> call.release(customer, ReleaseCause.HANGUP, change));
        }
    }

    /** Someone answered the customer: the conversation's timers start. */
    void answered(Call call, Party customer) {
        CustomerBehaviour behaviour = customer.customer();
        if (behaviour == null) {
            return;
        }
        if (behaviour.talkFor() != null) {
            scheduler.schedule(behaviour.talkFor(), customer, change -> call.release(customer, ReleaseCause.HANGUP, change));
        }
        if (behaviour.dtmf() != null) {
            Duration after = behaviour.dtmfAfter() == null ? Duration.ZERO : behaviour.dtmfAfter();
            scheduler.schedule(after, customer, change -> {
                for (Party party : call.activeParties()) {
                    if (party.isHeard() && party.state() == PartyState.ESTABLISHED) {
                        change.dtmfSent(call, party, customer.number(), behaviour.dtmf());
                    }
                }
            });
        }
    }
}
