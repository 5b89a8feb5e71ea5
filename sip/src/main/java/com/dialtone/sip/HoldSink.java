package com.dialtone.sip;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;

/**
 * Where a held party's media goes: one UDP port that reads and drops whatever arrives, so that a held phone keeps
 * its audio running (and is taken off hold by a plain re-INVITE back to its peer) without its packets reaching
 * anyone or bouncing back as ICMP errors. The media plane will play music on hold here.
 */
final class HoldSink implements AutoCloseable {

    private final DatagramSocket socket;
    private final Thread drain;

    HoldSink(String host) throws IOException {
        socket = new DatagramSocket(0, InetAddress.getByName(host));
        drain = new Thread(this::drain, "dialtone-sip-hold-sink");
        drain.setDaemon(true);
        drain.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void drain() {
        DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
        while (!socket.isClosed()) {
            try {
                socket.receive(packet);
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
