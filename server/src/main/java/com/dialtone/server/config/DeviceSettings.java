package com.dialtone.server.config;

/**
 * @param id          a UUID; when absent it is derived from the phone number, so it is the same at every start
 * @param phoneNumber the device's DN on the switch
 */
public record DeviceSettings(String id, String phoneNumber) {
}
