package vn.partycell.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an {@code X-Request-Id}: the caller's own when it sent one, a new UUID
 * otherwise. The id goes to the backend with the proxied request and comes back on the response,
 * also on errors the gateway produces itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";

    /** Request attribute holding the id, for error responses. */
    public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".requestId";

    private static final int MAX_LENGTH = 200;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = existingOrNew(request);
        request.setAttribute(ATTRIBUTE, requestId);
        response.setHeader(HEADER, requestId);
        chain.doFilter(new RequestWithId(request, requestId), new ResponseWithId(response, requestId));
    }

    /** Error dispatches pass here too, so that a container error page still carries the id. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterNestedErrorDispatch(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = existingOrNew(request);
        response.setHeader(HEADER, requestId);
        chain.doFilter(new RequestWithId(request, requestId), new ResponseWithId(response, requestId));
    }

    private static String existingOrNew(HttpServletRequest request) {
        Object known = request.getAttribute(ATTRIBUTE);
        if (known instanceof String id) {
            return id;
        }
        String sent = request.getHeader(HEADER);
        if (sent != null && !sent.isBlank() && sent.length() <= MAX_LENGTH) {
            return sent.strip();
        }
        return UUID.randomUUID().toString();
    }

    /** Presents the id as a request header, so the proxy forwards it like any other header. */
    private static final class RequestWithId extends HttpServletRequestWrapper {

        private final String requestId;

        RequestWithId(HttpServletRequest request, String requestId) {
            super(request);
            this.requestId = requestId;
        }

        @Override
        public String getHeader(String name) {
            return HEADER.equalsIgnoreCase(name) ? requestId : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HEADER.equalsIgnoreCase(name) ? Collections.enumeration(List.of(requestId)) : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new ArrayList<>();
            Enumeration<String> original = super.getHeaderNames();
            while (original != null && original.hasMoreElements()) {
                String name = original.nextElement();
                if (!HEADER.equalsIgnoreCase(name)) {
                    names.add(name);
                }
            }
            names.add(HEADER);
            return Collections.enumeration(names);
        }
    }

    /**
     * Keeps exactly one {@code X-Request-Id} on the response, this request's: a backend that echoes
     * the header does not add a second one, and a reset of the response does not lose it.
     */
    private static final class ResponseWithId extends HttpServletResponseWrapper {

        private final String requestId;

        ResponseWithId(HttpServletResponse response, String requestId) {
            super(response);
            this.requestId = requestId;
        }

        @Override
        public void addHeader(String name, String value) {
            if (HEADER.equalsIgnoreCase(name)) {
                super.setHeader(HEADER, requestId);
            } else {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, HEADER.equalsIgnoreCase(name) ? requestId : value);
        }

        @Override
        public void reset() {
            super.reset();
            super.setHeader(HEADER, requestId);
        }
    }
}
