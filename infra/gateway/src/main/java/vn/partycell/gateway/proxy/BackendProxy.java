package vn.partycell.gateway.proxy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpRequestHandler;
import vn.partycell.gateway.web.GatewayProblemException;
import vn.partycell.http.RequestBodyTooLargeException;

/**
 * Passes one request to its backend and the answer back, streaming both bodies: method, raw path
 * and query, every end-to-end header (the {@code Authorization} header included: the services check
 * tokens, the gateway does not), status and body unchanged. Hop-by-hop headers (RFC 9110 §7.6.1) stay
 * on their hop; {@code X-Forwarded-For/-Proto/-Host/-Port} describe the caller to the backend.
 *
 * <p>A hand-written exchange rather than Spring Cloud Gateway's: on a proxied read that one spent
 * about half of the gateway's CPU copying and filtering header maps and routing through handler
 * functions (README, "Performance"); this one copies each header once.
 */
public class BackendProxy implements HttpRequestHandler {

    /** Connection-level headers (RFC 9110 §7.6.1) and the framing the client sets itself. */
    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-connection",
            "proxy-authenticate",
            "proxy-authorization",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "host",
            "content-length",
            "expect",
            "http2-settings");

    private static final Set<String> FORWARDED =
            Set.of("forwarded", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port");

    private final HttpClient client;
    private final Pattern trustedProxies;

    public BackendProxy(HttpClient client, Pattern trustedProxies) {
        this.client = client;
        this.trustedProxies = trustedProxies;
    }

    @Override
    public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
        BackendRoute route = (BackendRoute) request.getAttribute(BackendHandlerMapping.ROUTE);
        String query = request.getQueryString();
        if (query != null && query.indexOf('%') >= 0 && !QueryStrings.isPercentEncodedUtf8(query)) {
            throw new GatewayProblemException(
                    HttpStatus.BAD_REQUEST, "Tham số truy vấn không phải UTF-8 được mã hóa phần trăm hợp lệ");
        }
        BasicClassicHttpRequest outgoing = new BasicClassicHttpRequest(
                request.getMethod(), route.host(), route.requestUri(request.getRequestURI(), query));
        copyRequestHeaders(request, outgoing);
        HttpEntity body = body(request);
        if (body != null) {
            outgoing.setEntity(body);
        }
        ClassicHttpResponse answer;
        try {
            answer = client.executeOpen(route.host(), outgoing, null);
        } catch (RequestBodyTooLargeException tooLarge) {
            throw tooLarge;
        } catch (IOException failure) {
            throw new BackendCallException(route.service(), failure);
        }
        try (answer) {
            response.setStatus(answer.getCode());
            for (Header header : answer.getHeaders()) {
                String name = header.getName();
                if (!isHopByHop(name) || "content-length".equalsIgnoreCase(name)) {
                    response.addHeader(name, header.getValue());
                }
            }
            HttpEntity entity = answer.getEntity();
            if (entity != null) {
                try (InputStream in = entity.getContent()) {
                    copy(in, response.getOutputStream());
                } catch (IOException failure) {
                    if (response.isCommitted()) {
                        throw failure;
                    }
                    throw new BackendCallException(route.service(), failure);
                }
            }
        }
    }

    private void copyRequestHeaders(HttpServletRequest request, BasicClassicHttpRequest outgoing) {
        boolean trusted = trustedProxies.matcher(request.getRemoteAddr()).matches();
        Set<String> connectionScoped = connectionScoped(request.getHeader("Connection"));
        String forwardedFor = null;
        Enumeration<String> names = request.getHeaderNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            String lower = name.toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(lower) || connectionScoped.contains(lower)) {
                continue;
            }
            if (FORWARDED.contains(lower)) {
                // A caller's own X-Forwarded-* are kept only from a proxy we trust, never forged by a client.
                if (!trusted) {
                    continue;
                }
                if (lower.equals("x-forwarded-for")) {
                    forwardedFor = String.join(", ", java.util.Collections.list(request.getHeaders(name)));
                    continue;
                }
            }
            Enumeration<String> values = request.getHeaders(name);
            while (values.hasMoreElements()) {
                outgoing.addHeader(name, values.nextElement());
            }
        }
        outgoing.setHeader(
                "X-Forwarded-For",
                forwardedFor == null ? request.getRemoteAddr() : forwardedFor + ", " + request.getRemoteAddr());
        if (!trusted || !outgoing.containsHeader("X-Forwarded-Proto")) {
            outgoing.setHeader("X-Forwarded-Proto", request.getScheme());
        }
        if (!trusted || !outgoing.containsHeader("X-Forwarded-Host")) {
            String host = request.getHeader("Host");
            if (host != null) {
                outgoing.setHeader("X-Forwarded-Host", host);
            }
        }
        if (!trusted || !outgoing.containsHeader("X-Forwarded-Port")) {
            outgoing.setHeader("X-Forwarded-Port", Integer.toString(request.getServerPort()));
        }
    }

    /** The headers a caller named in its {@code Connection} header are for this hop only, too. */
    private static Set<String> connectionScoped(String connection) {
        if (connection == null || connection.isEmpty()) {
            return Set.of();
        }
        Set<String> names = new java.util.HashSet<>();
        for (String token : connection.split(",")) {
            names.add(token.strip().toLowerCase(Locale.ROOT));
        }
        return names;
    }

    private static boolean isHopByHop(String name) {
        return HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The request body as it streams in (never held), or none when the request has no body. */
    private static HttpEntity body(HttpServletRequest request) throws IOException {
        long length = request.getContentLengthLong();
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        if (length < 0 && !chunked) {
            return null;
        }
        return new InputStreamEntity(request.getInputStream(), chunked ? -1 : length, null);
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[8192];
        for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
            out.write(buffer, 0, read);
        }
    }
}
