package com.dialtone.server.e2e;

/** Where a Dialtone server under test answers: in this JVM ({@link GwsServer}) or in its own process ({@link ServerProcess}). */
interface ServerAddress {

    /** Where to connect to, e.g. http://127.0.0.1:40123. */
    String local();

    /** What URIs in replies start with: the local URL, or server.publicBaseUrl when set. */
    default String base() {
        return local();
    }

    default String api(String path) {
        return local() + "/api/v2" + path;
    }
}
