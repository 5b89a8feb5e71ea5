package com.dialtone.switching;

/** How a supervisor takes part in the calls of the agent it monitors. */
public enum MonitoringMode {
    /** Hears everyone; nobody hears the supervisor. */
    LISTEN_IN,
    /** Hears everyone; only the monitored agent hears the supervisor. */
    COACH,
    /** A full party: everyone hears everyone. */
    BARGE_IN
}
