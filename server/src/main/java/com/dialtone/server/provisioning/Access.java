package com.dialtone.server.provisioning;

import com.dialtone.server.api.ApiRequest;
import com.dialtone.server.auth.User;
import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.StatusCode;

/**
 * Who may provision. The feature comes first: GWS answers 404 for the resources of a feature the
 * contact centre does not have, as if they did not exist, whoever asks. Then the role: 403 with
 * {@code statusCode} 5.
 */
final class Access {

    static final String READ = "api-provisioning-read";
    static final String WRITE = "api-provisioning-write";
    static final String ADMIN = "ROLE_ADMIN";
    static final String AGENT = "ROLE_AGENT";

    private final StoredContactCenter stored;

    Access(StoredContactCenter stored) {
        this.stored = stored;
    }

    /** The caller, when the feature is assigned and they are an administrator. */
    User admin(ApiRequest request, String feature) {
        feature(feature);
        return role(request, ADMIN);
    }

    void feature(String feature) {
        if (!stored.hasFeature(feature)) {
            throw new GwsException(StatusCode.NOT_FOUND, "Not found: the feature " + feature + " is not assigned to this contact centre");
        }
    }

    static User role(ApiRequest request, String role) {
        User user = request.user();
        if (!user.hasRole(role)) {
            throw new GwsException(StatusCode.NO_PERMISSION, "This needs the role " + role);
        }
        return user;
    }
}
