package com.dialtone.server.config;

import java.time.Duration;
import java.util.List;

/**
 * @param id           32 hex digits; when absent it is derived from the user name
 * @param password     the password in clear, hashed when the file is read; or use passwordHash
 * @param passwordHash the output of {@code dialtone hash-password}
 * @param routingPoints the numbers of the routing points whose calls the user's devices take
 * @param wrapUpTime    how long the user's agent stays in after-call work when a routed call ends; absent for none
 */
public record UserSettings(String id, String userName, String firstName, String lastName, List<String> roles,
                           String password, String passwordHash, List<DeviceSettings> devices, List<String> routingPoints,
                           Duration wrapUpTime) {

    @Override
    public String toString() {
        return "UserSettings[" + userName + "]";
    }
}
