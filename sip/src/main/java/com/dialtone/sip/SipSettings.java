package com.dialtone.sip;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the SIP side of Dialtone is told at start: where it listens, its realm, the phones that may register
 * (each DN with its digest HA1, never a password) and the trunks. The server builds it from the
 * {@code telephony.sip} section of the configuration, which is where the checks with their messages live.
 *
 * @param host              the address to listen on and to put in Via, Contact and SDP
 * @param port              the UDP and TCP port
 * @param realm             the digest realm and SIP domain phones register in
 * @param phones            DN to HA1 ({@code MD5(dn:realm:password)}, lower-case hex)
 * @param trunks            the SIP trunks, tried in order for an external number by their prefixes
 * @param registration      the shortest and longest registration Dialtone grants
 * @param keepAlive         how often an established call's phone or trunk is asked whether it is still there
 *                          (an in-dialog OPTIONS), and how long it has to answer before the call ends
 * @param noAnswer          how long an outgoing INVITE may ring unanswered before it is cancelled
 * @param ackDelay          how long the answer of a phone called without an offer (the first leg of a Dial) waits for
 *                          the far end's media before it is acknowledged with a placeholder (then re-INVITEd)
 */
public record SipSettings(String host, int port, String realm, Map<String, String> phones, List<Trunk> trunks,
                          Registration registration, KeepAlive keepAlive, Duration noAnswer, Duration ackDelay) {

    public SipSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(realm, "realm");
        phones = Map.copyOf(phones);
        trunks = List.copyOf(trunks);
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(keepAlive, "keepAlive");
        Objects.requireNonNull(noAnswer, "noAnswer");
        Objects.requireNonNull(ackDelay, "ackDelay");
    }

    /** Registrations are granted between {@code min} and {@code max}, {@code defaultExpiry} when a phone asks for none. */
    public record Registration(Duration min, Duration max, Duration defaultExpiry) {
    }

    public record KeepAlive(Duration interval, Duration timeout) {
    }

    /**
     * A SIP trunk: a carrier or PBX at a fixed address. Dialtone sends it the external numbers that start with one
     * of its prefixes, and takes the calls it sends, from that address only.
     *
     * @param name      for logs and errors
     * @param host      its address
     * @param port      its port
     * @param transport "udp" or "tcp"
     * @param prefixes  external numbers starting with one of these go to this trunk ("" takes every number)
     * @param inbound   a number the trunk delivers (the Request-URI's user part) to the routing point or DN it
     *                  reaches; a number not listed reaches the routing point or DN of that number, if any
     */
    public record Trunk(String name, String host, int port, String transport, List<String> prefixes, Map<String, String> inbound) {

        public Trunk {
            prefixes = List.copyOf(prefixes);
            inbound = Map.copyOf(inbound);
        }

        public boolean takes(String number) {
            return prefixes.stream().anyMatch(number::startsWith);
        }
    }

    public SipSettings withPort(int newPort) {
        return new SipSettings(host, newPort, realm, phones, trunks, registration, keepAlive, noAnswer, ackDelay);
    }

    public boolean isPhone(String dn) {
        return phones.containsKey(dn);
    }

    /** The trunk for an external number, or null when no trunk takes it. */
    public Trunk trunkFor(String number) {
        return trunks.stream().filter(t -> t.takes(number)).findFirst().orElse(null);
    }
}
