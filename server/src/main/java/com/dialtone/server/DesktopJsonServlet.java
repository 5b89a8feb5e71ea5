package com.dialtone.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /desktop.json}: what the agent desktop needs to know about how it is served and that the GWS API
 * does not say, today only {@code {"demo":true}} when the server runs the built-in demo contact centre (so the
 * page may show the demo's well-known passwords). Served without a login: it reveals nothing else.
 */
final class DesktopJsonServlet extends HttpServlet {

    private final transient BooleanSupplier demo;

    DesktopJsonServlet(BooleanSupplier demo) {
        this.demo = demo;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        // Asked at every page load: provisioning can end the demo while the server runs.
        response.setHeader("Cache-Control", "no-cache");
        response.getWriter().write("{\"demo\":" + demo.getAsBoolean() + "}");
    }
}
