package com.dialtone.server;

/** Dialtone's own version, from the jar's manifest. */
final class Version {

    private Version() {
    }

    static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version != null ? version : "development";
    }
}
