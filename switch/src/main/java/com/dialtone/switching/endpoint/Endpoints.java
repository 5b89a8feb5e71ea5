package com.dialtone.switching.endpoint;

/**
 * Which {@link Endpoint} plays which number: the registry a switch is given when it is made. A
 * configuration decides it, per DN and per external number (SIP phones for some DNs, a SIP trunk for the
 * numbers of some prefixes, the simulation for the rest). Called on the switch's thread: {@link #ofDn}
 * once per DN, when the DN is added (at start or by provisioning); {@link #ofExternal} whenever the switch
 * calls an external number.
 */
public interface Endpoints {

    /** The endpoint of the DN's device. */
    Endpoint ofDn(String dn);

    /** The endpoint that reaches the external number. */
    Endpoint ofExternal(String number);
}
