package com.dialtone.switching;

/**
 * Receives the switch's events. Called on the switch's own thread, one event at a time and in the order
 * the changes happened, so an implementation must not block: hand I/O to something asynchronous. An
 * exception thrown here is logged and does not reach the switch or other listeners.
 */
@FunctionalInterface
public interface SwitchListener {

    void onCallEvent(CallEvent event);
}
