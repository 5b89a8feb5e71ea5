package com.dialtone.server.telephony;

import com.dialtone.server.config.ConfigException;
import com.dialtone.server.config.TelephonySettings;
import com.dialtone.sip.SipEndpoint;
import com.dialtone.sip.SipEndpoints;
import com.dialtone.sip.SipSettings;
import com.dialtone.switching.endpoint.Endpoints;
import java.time.Clock;
import java.util.List;
import javax.sip.SipException;

/**
 * The server's SIP side, when {@code telephony.sip} is configured: the SIP listener with its phones and trunks,
 * as the switch's endpoints for the SIP DNs and trunk numbers (the simulation keeps the rest).
 */
public final class SipTelephony implements AutoCloseable {

    private final SipEndpoint endpoint;

    private SipTelephony(SipEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Starts listening as configured. */
    public static SipTelephony start(TelephonySettings.Sip sip, Clock clock) {
        try {
            return new SipTelephony(SipEndpoint.start(settings(sip), clock));
        } catch (SipException e) {
            throw new ConfigException("telephony.sip: " + e.getMessage());
        }
    }

    /** The configuration as the SIP layer takes it. */
    static SipSettings settings(TelephonySettings.Sip sip) {
        List<SipSettings.Trunk> trunks = sip.trunks().stream()
                .map(t -> new SipSettings.Trunk(t.name(), t.host(), t.port(), t.transport(), t.prefixes(), t.inbound())).toList();
        return new SipSettings(sip.host(), sip.port(), sip.realm(), sip.credentials(), trunks,
                new SipSettings.Registration(sip.registration().min(), sip.registration().max(), sip.registration().defaultExpiry()),
                new SipSettings.KeepAlive(sip.keepAlive().interval(), sip.keepAlive().timeout()), sip.noAnswer(), sip.ackDelay());
    }

    /** The switch's endpoints: SIP where configured, {@code simulated} elsewhere. */
    public Endpoints endpoints(Endpoints simulated) {
        return new SipEndpoints(endpoint, simulated);
    }

    public SipEndpoint endpoint() {
        return endpoint;
    }

    /** For /health/ready: throws unless the SIP listener runs. */
    public void check() {
        if (!endpoint.isRunning()) {
            throw new IllegalStateException("the SIP listener is stopped");
        }
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
