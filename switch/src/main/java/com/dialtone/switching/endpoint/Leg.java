package com.dialtone.switching.endpoint;

import java.time.Duration;
import java.util.List;

/**
 * One party's connection as its {@link Endpoint} sees it: the DN's phone or the external number in one
 * call. The switch makes a leg when the party joins a call and gives it to the endpoint in every action;
 * the endpoint reports on it what the device did ({@link Progress}). A leg lasts until its party leaves
 * the call; a party that moves into another call (a consultation completed) keeps its leg, so the
 * endpoint's own state for it (a SIP dialog, say: {@link #attach}) goes along.
 */
public interface Leg extends Progress {

    /** The DN or external number this leg reaches. */
    String number();

    /** True for a DN of this switch, false for an external number. */
    boolean isInternal();

    /** The id of the call the leg is in; it changes when a consultation moves the party. Any thread. */
    String callId();

    /** The calling number of the call the leg is in (its {@code ani}). Any thread. */
    String ani();

    /** The dialled number of the call the leg is in (its {@code dnis}). Any thread. */
    String dnis();

    /**
     * The legs of the other parties still in the call, in order of joining, with whom this one talks
     * while it and they are connected. Only on the switch's thread, in an action.
     */
    List<Leg> peers();

    /** True while the party is connected (established, not held). Only on the switch's thread, in an action. */
    boolean isConnected();

    /** Keeps the endpoint's own state with the leg (its SIP dialog, say); any thread. */
    void attach(Object state);

    /** What the endpoint attached, or what it gave when the call started ({@link DeviceCalls}); else null. */
    Object attachment();

    /**
     * Reports to make later, on the switch's clock (which tests drive by hand): {@code leg.after(d).answered()}
     * answers once {@code d} has passed, as a unit of work of its own. What is set this way is dropped
     * when the leg ends. Only on the switch's thread, in an action or in an earlier report made this way:
     * a simulation's timing; a SIP endpoint reports when its device does.
     */
    Progress after(Duration delay);
}
