package com.dialtone.switching.embedded;

import com.dialtone.switching.ReleaseCause;
import com.dialtone.switching.endpoint.Endpoint;
import com.dialtone.switching.endpoint.Leg;

/**
 * The phone of a DN in the simulation: always there, and it does at once whatever a client asks of it
 * (it answers when told to, holds, hangs up), so it has nothing to do and nothing to report by itself. The
 * desktop is the agent's phone.
 */
final class SimulatedPhone implements Endpoint {

    static final SimulatedPhone INSTANCE = new SimulatedPhone();

    private SimulatedPhone() {
    }

    @Override
    public void requireReady(String number) {
    }

    @Override
    public void dial(Leg leg) {
    }

    @Override
    public void ring(Leg leg) {
    }

    @Override
    public boolean answer(Leg leg) {
        return true;
    }

    @Override
    public void connect(Leg leg) {
    }

    @Override
    public void update(Leg leg) {
    }

    @Override
    public void hold(Leg leg) {
    }

    @Override
    public void retrieve(Leg leg) {
    }

    @Override
    public void playDtmf(Leg leg, String digits) {
    }

    @Override
    public void release(Leg leg, ReleaseCause cause) {
    }

    @Override
    public String toString() {
        return "simulated phone";
    }
}
