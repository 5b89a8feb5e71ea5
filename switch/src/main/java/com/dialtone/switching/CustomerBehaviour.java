package com.dialtone.switching;

import java.time.Duration;

/**
 * What a simulated customer does once its call has started.
 *
 * @param hangUpAfter how long after the start of the call the customer hangs up, whatever the call's
 *                    state (so it abandons if still queued or ringing); null never hangs up
 * @param talkFor     how long after being answered the customer hangs up; null never hangs up
 * @param dtmf        digits the customer sends once answered; null sends none
 * @param dtmfAfter   how long after being answered the customer sends them
 */
public record CustomerBehaviour(Duration hangUpAfter, Duration talkFor, String dtmf, Duration dtmfAfter) {

    public static CustomerBehaviour stays() {
        return new CustomerBehaviour(null, null, null, null);
    }
}
