package com.dialtone.switching.embedded;

import com.dialtone.switching.ReleaseCause;
import com.dialtone.switching.endpoint.Endpoint;
import com.dialtone.switching.endpoint.Leg;

/**
 * What every simulated device has in common: it is always there, answers at once when told to, and has
 * no media, so holding, re-bridging, DTMF and hanging up need nothing physical. Each simulated endpoint
 * overrides only what it does by itself (a far end rings and answers later, a customer talks for a
 * while). {@link Endpoint} itself has no such defaults on purpose: a real endpoint (SIP) must decide
 * every action.
 */
abstract class SimulatedDevice implements Endpoint {

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
}
