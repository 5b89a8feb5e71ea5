package com.dialtone.server.logging;

import com.dialtone.server.auth.Authenticator;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Names, for the request log, the user of a request that comes with a logged-in HTTP session (CometD's, the
 * desktop's): {@link com.dialtone.server.api.ApiServlet} names the users it authenticates itself, but CometD
 * requests do not pass through it. Only a look-up of the session; it authenticates nothing.
 */
public final class SessionUserFilter implements Filter {

    private final Authenticator authenticator;

    public SessionUserFilter(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpSession session = request instanceof HttpServletRequest http ? http.getSession(false) : null;
        if (session != null) {
            try {
                authenticator.userOfSession(session.getAttribute(Authenticator.SESSION_USER))
                        .ifPresent(user -> request.setAttribute(LogContext.USER_ATTRIBUTE, user.userName()));
            } catch (IllegalStateException invalidated) {
                // no user to name
            }
        }
        chain.doFilter(request, response);
    }
}
