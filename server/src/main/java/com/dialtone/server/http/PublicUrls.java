package com.dialtone.server.http;

/**
 * Absolute URIs as GWS writes them in resources and notifications. Note the asymmetry GWS has: a call's
 * {@code uri} is under {@code /api/v2/me/calls}, a device's under {@code /api/v2/devices}.
 *
 * @param base scheme, host, port and any path prefix, without a trailing slash
 */
public record PublicUrls(String base) {

    public PublicUrls {
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
    }

    public String device(String id) {
        return base + "/api/v2/devices/" + id;
    }

    public String call(String id) {
        return base + "/api/v2/me/calls/" + id;
    }

    public String user(String id) {
        return base + "/api/v2/users/" + id;
    }

    /** Any other resource: {@code api("/features/api-voice")}. */
    public String api(String path) {
        return base + "/api/v2" + path;
    }

    /**
     * The id at the end of a URI or path a client sent to name a resource ({@code http://h/api/v2/me/calls/ID},
     * {@code /devices/ID}), or the id itself; null when there is none.
     */
    public static String idIn(String reference) {
        if (reference == null) {
            return null;
        }
        String trimmed = reference.endsWith("/") ? reference.substring(0, reference.length() - 1) : reference;
        String id = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        return id.isBlank() ? null : id;
    }
}
