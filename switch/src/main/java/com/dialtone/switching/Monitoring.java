package com.dialtone.switching;

import java.util.Objects;

/**
 * A supervisor's standing request to monitor an agent's DN.
 *
 * @param targetDn     the monitored DN
 * @param mode         how the supervisor joins the monitored calls
 * @param scope        when the supervisor leaves a monitored call
 * @param nextCallOnly true to monitor one call and stop (GWS {@code NextCall}); false for every call
 *                     until cancelled (GWS {@code AllCalls})
 */
public record Monitoring(String targetDn, MonitoringMode mode, MonitoringScope scope, boolean nextCallOnly) {

    public Monitoring {
        Objects.requireNonNull(targetDn, "targetDn");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(scope, "scope");
    }
}
