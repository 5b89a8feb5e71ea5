package com.dialtone.bench.load;

/**
 * What holding many idle desktops costs the server: the heap in use after a full collection and the
 * process's resident memory, before and with the sessions connected, and one agent's calls while they are.
 */
record IdleSessions(int sessions, int connected, ServerMemory before, ServerMemory with, Phase probe) {

    long heapPerSession() {
        return (with.heapUsedBytes() - before.heapUsedBytes()) / sessions;
    }

    long residentPerSession() {
        return (with.residentBytes() - before.residentBytes()) / sessions;
    }
}
