package com.dialtone.server.api;

/**
 * Which GWS features are assigned to the contact centre now (GWS 8.5 reference §1.7): a read-only view
 * of the stored, live set, for the parts that hide and refuse what an unassigned feature would offer.
 * Reading it never blocks.
 */
@FunctionalInterface
public interface Features {

    String VOICE = "api-voice";
    String SUPERVISOR_MONITORING = "api-supervisor-monitoring";
    String VOICE_RECORDING = "api-voice-recording";
    String UCS_VOICE = "api-ucs-voice";

    /** Every feature assigned. */
    Features ALL = id -> true;

    boolean assigned(String id);
}
