package com.dialtone.server.http;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one place request bodies are held to {@code server.maxRequestBodyBytes}, for REST, CometD and everything
 * else, before any servlet sees them. A body over the limit is answered 413 with the GWS error body, and the
 * client must get that reply, not a reset connection: an HTTP client (Node's fetch, say) that is still sending
 * when the server closes fails with EPIPE and never reads the reply. So, as mature servers do:
 * <ul>
 * <li>up to {@link #DRAIN_LIMIT} bytes, the body is read away without blocking a thread (servlet non-blocking
 *     reads), then the 413 is sent and the connection stays open for the next request;</li>
 * <li>past that, the 413 goes at once with {@code Connection: close}, and Jetty half-closes and reads on until
 *     the client closes or its idle timeout.</li>
 * </ul>
 * A chunked body within the limit is read here and handed on with its length known, as if declared. Bodies within
 * the limit that a servlet refuses before reading are read away by it (ApiServlet), so the connection stays usable.
 */
public final class BodyLimitFilter extends HttpFilter {

    /** The most of an oversized body read away to keep its connection; an upload past this is closed on. */
    static final long DRAIN_LIMIT = 32L * 1024 * 1024;
    /** How long reading an oversized body away may take before its connection is closed. */
    private static final long DRAIN_TIMEOUT_MS = 30_000;

    private final int maxBytes;

    public BodyLimitFilter(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            String message = "Request body is " + declared + " bytes; the limit is " + maxBytes;
            if (declared > DRAIN_LIMIT) {
                refuseAndClose(response, message);
            } else {
                drainThenRefuse(request, response, message, declared);
            }
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            // Bayeux and REST bodies are small: reading up to the limit here blocks for no longer than a
            // servlet reading it would.
            byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                drainThenRefuse(request, response, "Request body is more than " + maxBytes + " bytes; the limit is " + maxBytes,
                        DRAIN_LIMIT - body.length);
                return;
            }
            chain.doFilter(new Buffered(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuseAndClose(HttpServletResponse response, String message) throws IOException {
        response.setHeader("Connection", "close");
        JsonResponses.write(response, StatusCode.BODY_TOO_LARGE.httpStatus(), GwsException.errorBody(StatusCode.BODY_TOO_LARGE, message));
    }

    /** Reads the rest of the body away with non-blocking reads (at most {@code budget} bytes), then answers 413. */
    private static void drainThenRefuse(HttpServletRequest request, HttpServletResponse response, String message, long budget)
            throws IOException {
        if (!request.isAsyncSupported()) {
            refuseAndClose(response, message); // a servlet that cannot wait; only Jetty's own 404 is one
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(DRAIN_TIMEOUT_MS);
        AtomicBoolean answered = new AtomicBoolean();
        Runnable answer = () -> {
            if (answered.compareAndSet(false, true)) {
                try {
                    JsonResponses.write(response, StatusCode.BODY_TOO_LARGE.httpStatus(), GwsException.errorBody(StatusCode.BODY_TOO_LARGE, message));
                } catch (IOException | RuntimeException e) {
                    // the client is gone: nothing to answer
                }
                async.complete();
            }
        };
        async.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) {
                response.setHeader("Connection", "close");
                answer.run();
            }

            @Override
            public void onError(AsyncEvent event) {
                answer.run();
            }

            @Override
            public void onComplete(AsyncEvent event) {
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        });
        ServletInputStream in = request.getInputStream();
        in.setReadListener(new ReadListener() {
            private final byte[] buffer = new byte[16 * 1024];
            private long read;

            @Override
            public void onDataAvailable() throws IOException {
                while (in.isReady() && !in.isFinished()) {
                    int n = in.read(buffer);
                    if (n > 0 && (read += n) > budget) {
                        response.setHeader("Connection", "close");
                        answer.run();
                        return;
                    }
                }
            }

            @Override
            public void onAllDataRead() {
                answer.run();
            }

            @Override
            public void onError(Throwable failure) {
                response.setHeader("Connection", "close");
                answer.run();
            }
        });
    }

    /** A request whose body was read already: served from memory, blocking or asynchronously. */
    private static final class Buffered extends HttpServletRequestWrapper {

        private final byte[] body;
        private ServletInputStream stream;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            if (stream == null) {
                stream = new Stream(new ByteArrayInputStream(body));
            }
            return stream;
        }
    }

    private static final class Stream extends ServletInputStream {

        private final ByteArrayInputStream in;

        Stream(ByteArrayInputStream in) {
            this.in = in;
        }

        @Override
        public boolean isFinished() {
            return in.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            try {
                if (!isFinished()) {
                    listener.onDataAvailable();
                }
                listener.onAllDataRead();
            } catch (IOException e) {
                listener.onError(e);
            }
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return in.read(buffer, offset, length);
        }

        @Override
        public int available() {
            return in.available();
        }
    }
}
