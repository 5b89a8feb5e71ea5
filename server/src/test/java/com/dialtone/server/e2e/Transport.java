package com.dialtone.server.e2e;

/** The CometD transports Dialtone serves, each driven by the real CometD Java client. */
enum Transport {
    LONG_POLLING, WEBSOCKET
}
