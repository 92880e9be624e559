package vn.partycell.member.adapter.in.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;
import vn.partycell.member.application.AuditActor;
import vn.partycell.member.application.RequestContext;

/**
 * The actor of the current HTTP request for the audit log: the token's subject, {@code name} and
 * grants, and the request's {@code X-Request-Id} (set by the gateway's RequestIdFilter) and W3C
 * {@code traceparent}. Header values are bounded and checked, since they come from outside.
 */
@Component
public class HttpRequestContext implements RequestContext {

    static final String REQUEST_ID = "X-Request-Id";
    static final String TRACEPARENT = "traceparent";

    private static final Pattern SAFE_ID = Pattern.compile("[\\w.:/=+-]{1,200}");
    private static final Pattern W3C_TRACEPARENT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    @Override
    public AuditActor actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            return AuditActor.SYSTEM;
        }
        HttpServletRequest request =
                RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                        ? attributes.getRequest()
                        : null;
        return new AuditActor(
                jwt.getSubject(),
                jwt.getClaimAsString("name"),
                roles(jwt),
                header(request, REQUEST_ID, SAFE_ID),
                header(request, TRACEPARENT, W3C_TRACEPARENT),
                operation(request));
    }

    private static String roles(Jwt jwt) {
        if (!(jwt.getClaim("grants") instanceof List<?> grants)) {
            return "";
        }
        return grants.stream()
                .filter(Map.class::isInstance)
                .map(g -> ((Map<?, ?>) g).get("role") + "@" + ((Map<?, ?>) g).get("org"))
                .collect(Collectors.joining(","));
    }

    /** The route as mapped, never the raw URI: ids in the path are the record's, kept apart. */
    private static String operation(HttpServletRequest request) {
        if (request == null) {
            return null;
        }
        Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return request.getMethod() + " " + (route == null ? request.getRequestURI() : route);
    }

    private static String header(HttpServletRequest request, String name, Pattern allowed) {
        String value = request == null ? null : request.getHeader(name);
        return value != null && allowed.matcher(value.strip()).matches() ? value.strip() : null;
    }
}
