package com.dialtone.switching;

/**
 * Receives the switch's events, of calls and of DNs. Called on the switch's own thread, one event at a time and in the order
 * the changes happened, so an implementation must not block: hand I/O to something asynchronous. An
 * exception thrown here is logged and does not reach the switch or other listeners.
 */
@FunctionalInterface
public interface SwitchListener {

    void onCallEvent(CallEvent event);

    /** A DN's own state changed; see {@link DnEvent}. Comes after the call events of the same change. */
    default void onDnEvent(DnEvent event) {
    }
}
