package com.dialtone.switching.embedded;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Runs an action on the switch loop after a delay, for as long as the party is in the call: what a
 * simulated far end or customer does next, or how long an offer may ring.
 */
@FunctionalInterface
interface PartyScheduler {

    void schedule(Duration delay, Party party, Consumer<Change> action);
}
