package com.dialtone.switching.embedded;

import java.time.Duration;
import java.util.Objects;

/**
 * How the simulated far end of an external number behaves when called.
 *
 * @param outcome     what it does
 * @param answerAfter for {@link Outcome#ANSWER}: how long it rings before answering
 * @param hangUpAfter for {@link Outcome#ANSWER}: how long after answering it hangs up, or null to stay
 *                    until someone else hangs up
 */
public record FarEndBehaviour(Outcome outcome, Duration answerAfter, Duration hangUpAfter) {

    public enum Outcome {
        /** Rings, then answers. */
        ANSWER,
        /** Is busy: the call is released at once. */
        BUSY,
        /** Rings until the no-answer timeout releases the call. */
        NO_ANSWER
    }

    public FarEndBehaviour {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome == Outcome.ANSWER) {
            Objects.requireNonNull(answerAfter, "answerAfter");
            if (answerAfter.isNegative()) {
                throw new IllegalArgumentException("answerAfter must not be negative, was " + answerAfter);
            }
            if (hangUpAfter != null && hangUpAfter.isNegative()) {
                throw new IllegalArgumentException("hangUpAfter must not be negative, was " + hangUpAfter);
            }
        } else if (answerAfter != null || hangUpAfter != null) {
            throw new IllegalArgumentException("answerAfter and hangUpAfter apply only to the ANSWER outcome, not " + outcome);
        }
    }

    public static FarEndBehaviour answerAfter(Duration delay) {
        return new FarEndBehaviour(Outcome.ANSWER, delay, null);
    }

    public static FarEndBehaviour answerThenHangUp(Duration answerAfter, Duration hangUpAfter) {
        return new FarEndBehaviour(Outcome.ANSWER, answerAfter, hangUpAfter);
    }

    public static FarEndBehaviour busy() {
        return new FarEndBehaviour(Outcome.BUSY, null, null);
    }

    public static FarEndBehaviour noAnswer() {
        return new FarEndBehaviour(Outcome.NO_ANSWER, null, null);
    }
}
