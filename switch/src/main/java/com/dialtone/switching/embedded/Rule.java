package com.dialtone.switching.embedded;

/**
 * A rule that reacts to what a unit of work did, however it came about (a request, a timer, a device's
 * report, another rule): an agent answering an offer, a monitored agent becoming established, a routed
 * call ending. {@link SwitchWork} runs its rules in a fixed order on every party move of the change, the
 * moves that rules make included, and then lets each one finish; only then is anything published, so the
 * rules' events go out with the change that caused them.
 */
interface Rule {

    /** A party joined a call, changed state or left it; the rule may change more, recording it in the change. */
    void moved(Change.Move move, Change change);

    /**
     * Every move of the change has been reacted to. The rule may look at the change as a whole and hand
     * follow-up work to the loop ({@link Change#next}), but moves no party.
     */
    default void settled(Change change) {
    }
}
