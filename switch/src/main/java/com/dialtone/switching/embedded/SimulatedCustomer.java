package com.dialtone.switching.embedded;

import com.dialtone.switching.CustomerBehaviour;
import com.dialtone.switching.PartyState;
import com.dialtone.switching.ReleaseCause;
import java.time.Duration;

/**
 * Plays a customer who calls in, as its {@link CustomerBehaviour} says: it may give up after a while,
 * talk for a while once answered, and key in digits. Unlike a simulated far end it answers nothing; it is
 * the caller. Its actions are timers on its party, cancelled when it leaves.
 */
final class SimulatedCustomer {

    private final PartyScheduler scheduler;

    SimulatedCustomer(PartyScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** The customer's call has just started: the patience it has runs from now, whatever happens. */
    void called(Call call, Party customer, CustomerBehaviour behaviour) {
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
