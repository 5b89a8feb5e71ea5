package com.dialtone.server.devices;

/**
 * A telephone device (GWS "device"): a DN on the switch, owned by one user.
 *
 * @param id          a UUID
 * @param phoneNumber its DN
 * @param ownerId     the id of the user it belongs to
 */
public record Device(String id, String phoneNumber, String ownerId) {
}
