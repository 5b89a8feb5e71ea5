package com.dialtone.sip;

import com.dialtone.switching.endpoint.Endpoint;
import com.dialtone.switching.endpoint.Endpoints;

/**
 * The switch's endpoints with SIP: the DNs configured as SIP and the external numbers a trunk takes are played by
 * the {@link SipEndpoint}, everything else by the fallback (the simulation), so simulated and SIP devices live in
 * one contact centre.
 */
public final class SipEndpoints implements Endpoints {

    private final SipEndpoint sip;
    private final Endpoints fallback;

    public SipEndpoints(SipEndpoint sip, Endpoints fallback) {
        this.sip = sip;
        this.fallback = fallback;
    }

    @Override
    public Endpoint ofDn(String dn) {
        return sip.playsDn(dn) ? sip : fallback.ofDn(dn);
    }

    @Override
    public Endpoint ofExternal(String number) {
        return sip.playsExternal(number) ? sip : fallback.ofExternal(number);
    }
}
