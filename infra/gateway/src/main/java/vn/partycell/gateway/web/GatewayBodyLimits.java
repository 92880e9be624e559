package vn.partycell.gateway.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.server.PathContainer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * How large a request body the gateway passes on ({@code partycell.gateway.*}), in the same shape as
 * the services' {@code partycell.web.*} (platform {@code RequestLimits}): {@code maxBodySize} for
 * every route, unless an {@code uploadRoutes} entry (a path pattern such as {@code
 * /api/v1/org-units/&#42;/member-imports}) allows more. The backend behind an upload route checks its
 * own limit again; the gateway's must not be the smaller one, or uploads never reach it.
 */
@ConfigurationProperties("partycell.gateway")
public record GatewayBodyLimits(@DefaultValue("1MB") DataSize maxBodySize, List<UploadRoute> uploadRoutes) {

    public record UploadRoute(String path, DataSize maxBodySize, PathPattern pattern) {

        @ConstructorBinding
        public UploadRoute(String path, DataSize maxBodySize) {
            this(path, maxBodySize, null);
        }

        public UploadRoute {
            if (path == null || path.isBlank() || maxBodySize == null || maxBodySize.isNegative()) {
                throw new IllegalArgumentException(
                        "partycell.gateway.upload-routes[]: path and a non-negative max-body-size are required");
            }
            // Parsed once, at start: a bad pattern stops the gateway instead of failing the first upload.
            pattern = PathPatternParser.defaultInstance.parse(path);
        }
    }

    public GatewayBodyLimits {
        if (maxBodySize.isNegative()) {
            throw new IllegalArgumentException("partycell.gateway.max-body-size must not be negative");
        }
        uploadRoutes = uploadRoutes == null ? List.of() : List.copyOf(uploadRoutes);
    }

    /** The limit, in bytes, for a request path (without the context path). */
    public long limitFor(String path) {
        UploadRoute route = route(path);
        return route == null ? maxBodySize.toBytes() : route.maxBodySize().toBytes();
    }

    private UploadRoute route(String path) {
        if (uploadRoutes.isEmpty()) {
            return null;
        }
        PathContainer container = PathContainer.parsePath(path);
        for (UploadRoute route : uploadRoutes) {
            if (route.pattern().matches(container)) {
                return route;
            }
        }
        return null;
    }
}
