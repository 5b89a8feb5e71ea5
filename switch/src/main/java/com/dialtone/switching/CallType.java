package com.dialtone.switching;

/** How a call came to be, as T-Server reports it; the same for every party of the call. */
public enum CallType {
    /** Between two DNs of this switch. */
    INTERNAL,
    /** From an external number to a DN of this switch. */
    INBOUND,
    /** From a DN of this switch to an external number. */
    OUTBOUND,
    /** Made by an agent while holding another call, to transfer or conference it. */
    CONSULT
}
