package com.dialtone.switching.embedded;

/**
 * The phone of a DN in the simulation: always there, and it does at once whatever a client asks of it
 * (it answers when told to, holds, hangs up), so it has nothing to do and nothing to report by itself. The
 * desktop is the agent's phone.
 */
final class SimulatedPhone extends SimulatedDevice {

    static final SimulatedPhone INSTANCE = new SimulatedPhone();

    private SimulatedPhone() {
    }

    @Override
    public String toString() {
        return "simulated phone";
    }
}
