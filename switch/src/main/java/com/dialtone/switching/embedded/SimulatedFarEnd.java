package com.dialtone.switching.embedded;

import com.dialtone.switching.PartyState;
import com.dialtone.switching.ReleaseCause;
import java.time.Duration;

/**
 * Plays the people behind external numbers, as the dial plan says: they answer after a while, are busy,
 * never answer, or answer and hang up. Their actions are timers on the party, cancelled when it leaves.
 */
final class SimulatedFarEnd {

    private final DialPlan plan;
    private final PartyScheduler scheduler;

    SimulatedFarEnd(DialPlan plan, PartyScheduler scheduler) {
        this.plan = plan;
        this.scheduler = scheduler;
    }

    /**
     * The external party has just joined a call: ringing, or already talking when it moved from a consult
     * call (its timers then start again; a simulation may be that forgetful).
     */
    void joined(Call call, Party party) {
        if (party.isInternal()) {
            return;
        }
        if (party.state() == PartyState.ESTABLISHED) {
            connected(call, party);
            return;
        }
        FarEndBehaviour behaviour = plan.behaviourOf(party.number());
        switch (behaviour.outcome()) {
            case BUSY -> scheduler.schedule(Duration.ZERO, party, change -> call.release(party, ReleaseCause.BUSY, change));
            case ANSWER -> {
                scheduler.schedule(behaviour.answerAfter(), party, change -> {
                    if (party.state() == PartyState.RINGING) {
                        call.answer(party, change);
                        connected(call, party);
                    }
                });
                releaseIfUnanswered(call, party);
            }
            case NO_ANSWER -> releaseIfUnanswered(call, party);
        }
    }

    private void connected(Call call, Party party) {
        Duration hangUpAfter = plan.behaviourOf(party.number()).hangUpAfter();
        if (hangUpAfter != null) {
            scheduler.schedule(hangUpAfter, party, change -> call.release(party, ReleaseCause.HANGUP, change));
        }
    }

    private void releaseIfUnanswered(Call call, Party party) {
        scheduler.schedule(plan.noAnswerTimeout(), party, change -> {
            if (party.state() == PartyState.RINGING) {
                call.release(party, ReleaseCause.NO_ANSWER, change);
            }
        });
    }
}
