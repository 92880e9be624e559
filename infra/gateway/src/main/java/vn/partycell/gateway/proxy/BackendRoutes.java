package vn.partycell.gateway.proxy;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which service serves which path ({@code partycell.gateway.routes}): each route is a service name,
 * its base URI and the path prefixes it owns (a prefix matches itself and everything below it, as
 * {@code /api/v1/members} matches {@code /api/v1/members/42}); every service's OpenAPI document is
 * reachable as {@code /v3/api-docs/<service>}. Callers whose address matches {@code trustedProxies}
 * keep the {@code X-Forwarded-*} headers they sent; from anyone else those are dropped.
 */
@ConfigurationProperties("partycell.gateway")
public record BackendRoutes(
        List<Route> routes,
        @DefaultValue("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1") Pattern trustedProxies) {

    public static final String API_DOCS = "/v3/api-docs";

    public record Route(String service, URI uri, Set<String> paths) {

        public Route {
            if (service == null || service.isBlank() || uri == null || uri.getHost() == null) {
                throw new IllegalArgumentException(
                        "partycell.gateway.routes[]: a service name and an absolute http URI are required");
            }
            if (paths == null || paths.isEmpty()) {
                throw new IllegalArgumentException("partycell.gateway.routes[" + service + "]: no paths");
            }
            for (String path : paths) {
                if (!path.startsWith("/") || path.endsWith("/") || path.contains("*")) {
                    throw new IllegalArgumentException("partycell.gateway.routes[" + service + "]: '" + path
                            + "' must be a path prefix such as /api/v1/members");
                }
            }
            paths = Set.copyOf(paths);
        }
    }

    public BackendRoutes {
        routes = routes == null ? List.of() : List.copyOf(routes);
    }
}
