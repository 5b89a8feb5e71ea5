package com.dialtone.server.config;

import java.util.List;

/**
 * @param id           32 hex digits; when absent it is derived from the user name
 * @param password     the password in clear, hashed when the file is read; or use passwordHash
 * @param passwordHash the output of {@code dialtone hash-password}
 */
public record UserSettings(String id, String userName, String firstName, String lastName, List<String> roles,
                           String password, String passwordHash, List<DeviceSettings> devices) {

    @Override
    public String toString() {
        return "UserSettings[" + userName + "]";
    }
}
