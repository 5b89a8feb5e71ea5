package com.dialtone.server.devices;

import com.dialtone.server.http.GwsException;
import com.dialtone.switching.MonitoringMode;
import com.dialtone.switching.MonitoringScope;

/** GWS's names for the switch's monitoring modes and scopes, both ways. */
public final class MonitoringNames {

    private MonitoringNames() {
    }

    /** ListenIn, Coach or BargeIn: the name of the operation that starts the mode, and of the state. */
    public static String of(MonitoringMode mode) {
        return switch (mode) {
            case LISTEN_IN -> "ListenIn";
            case COACH -> "Coach";
            case BARGE_IN -> "BargeIn";
        };
    }

    static String of(MonitoringScope scope) {
        return scope == MonitoringScope.CALL ? "Call" : "Agent";
    }

    static String ofNextCallOnly(boolean nextCallOnly) {
        return nextCallOnly ? "NextCall" : "AllCalls";
    }

    /** {@code supervisorMonitoringScope}: Call (the default) or Agent. */
    static MonitoringScope scope(String name) {
        if (name == null || name.equals("Call")) {
            return MonitoringScope.CALL;
        } else if (name.equals("Agent")) {
            return MonitoringScope.AGENT;
        }
        throw GwsException.invalid("supervisorMonitoringScope", "must be Call or Agent, was '" + name + "'");
    }

    /** {@code supervisorMonitoringMode}: AllCalls (the default) or NextCall; true for NextCall. */
    static boolean nextCallOnly(String name) {
        if (name == null || name.equals("AllCalls")) {
            return false;
        } else if (name.equals("NextCall")) {
            return true;
        }
        throw GwsException.invalid("supervisorMonitoringMode", "must be AllCalls or NextCall, was '" + name + "'");
    }
}
