package com.dialtone.server.directory;

/**
 * A telephone device (GWS "device"): a DN on the switch, assigned to at most one user.
 *
 * @param id          a UUID
 * @param phoneNumber its DN
 * @param ownerId     the id of the user it is assigned to, or null
 */
public record Device(String id, String phoneNumber, String ownerId) {

    public boolean isOwnedBy(String userId) {
        return ownerId != null && ownerId.equals(userId);
    }
}
