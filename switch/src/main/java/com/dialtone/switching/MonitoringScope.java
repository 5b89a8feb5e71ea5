package com.dialtone.switching;

/** How long a supervisor stays in a monitored call. */
public enum MonitoringScope {
    /** Until the call ends, wherever it goes: the supervisor follows it through transfers. */
    CALL,
    /** While the monitored agent is in the call: the supervisor leaves with the agent. */
    AGENT
}
