package com.dialtone.server.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 between clients and a server that cuts connections when told to, or at random: the
 * network an agent desktop really has (a Wi-Fi hand-over, a proxy's idle cut, a laptop lid). A cut resets both
 * sides at once (SO_LINGER 0), so whatever was in flight is lost, as on a real dropped connection.
 */
final class CuttingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final URI target;
    private final List<Socket[]> live = new CopyOnWriteArrayList<>();
    private final AtomicInteger cuts = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean closed;
    private volatile boolean refusing;
    private Thread cutter;

    CuttingProxy(String targetUrl) throws IOException {
        this.target = URI.create(targetUrl);
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "cutting-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The proxy's URL, e.g. http://127.0.0.1:40123. */
    String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** A test's ServerAddress that goes through the proxy. */
    ServerAddress address() {
        return this::url;
    }

    /** Cuts one live connection, chosen at random, every {@code periodMillis} on average, until stopped or closed. */
    void cutAtRandom(Random random, long periodMillis) {
        cutter = new Thread(() -> {
            while (!closed && !Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(periodMillis / 2 + random.nextLong(periodMillis));
                } catch (InterruptedException e) {
                    return;
                }
                List<Socket[]> now = new ArrayList<>(live);
                if (!now.isEmpty()) {
                    cut(now.get(random.nextInt(now.size())));
                }
            }
        }, "cutting-proxy-cutter");
        cutter.setDaemon(true);
        cutter.start();
    }

    void stopCutting() throws InterruptedException {
        if (cutter != null) {
            cutter.interrupt();
            cutter.join();
        }
    }

    /** Cuts every live connection at once. */
    void cutAll() {
        new ArrayList<>(live).forEach(this::cut);
    }

    /** While refusing, every connection is cut as soon as it is made: the server is unreachable. */
    void refuse(boolean refuse) {
        refusing = refuse;
        if (refuse) {
            cutAll();
        }
    }

    int cuts() {
        return cuts.get();
    }

    int accepted() {
        return accepted.get();
    }

    private void cut(Socket[] pair) {
        if (live.remove(pair)) {
            cuts.incrementAndGet();
            for (Socket socket : pair) {
                try {
                    socket.setSoLinger(true, 0);
                    socket.close();
                } catch (IOException e) {
                    // closed already
                }
            }
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                if (refusing) {
                    client.setSoLinger(true, 0);
                    client.close();
                    continue;
                }
                Socket server = new Socket(target.getHost(), target.getPort());
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                Socket[] pair = {client, server};
                live.add(pair);
                accepted.incrementAndGet();
                pump(client, server, pair);
                pump(server, client, pair);
            } catch (IOException e) {
                if (!closed) {
                    continue;
                }
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, Socket[] pair) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
                to.shutdownOutput(); // a clean half-close passes through as one
                if (!from.isOutputShutdown()) {
                    return; // the other direction is still going
                }
            } catch (IOException e) {
                // cut, or reset by one side
            }
            live.remove(pair);
            closeQuietly(from);
            closeQuietly(to);
        }, "cutting-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closed already
        }
    }

    @Override
    public void close() throws Exception {
        closed = true;
        stopCutting();
        listener.close();
        for (Socket[] pair : live) {
            for (Socket socket : pair) {
                socket.close();
            }
        }
        live.clear();
    }
}
