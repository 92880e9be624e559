package vn.partycell.platform.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.server.PathContainer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * How large a request body may be ({@code partycell.web.*}): {@code maxBodySize} for every route,
 * unless an {@code uploadRoutes} entry (a path pattern such as {@code /api/v1/documents/**}) allows
 * more; those routes must stream what they read.
 */
@ConfigurationProperties("partycell.web")
public record RequestLimits(@DefaultValue("1MB") DataSize maxBodySize, List<UploadRoute> uploadRoutes) {

    public record UploadRoute(String path, DataSize maxBodySize) {}

    public RequestLimits {
        if (maxBodySize.isNegative()) {
            throw new IllegalArgumentException("partycell.web.max-body-size must not be negative");
        }
        uploadRoutes = uploadRoutes == null ? List.of() : List.copyOf(uploadRoutes);
    }

    public static RequestLimits of(DataSize maxBodySize) {
        return new RequestLimits(maxBodySize, List.of());
    }

    /** The limit, in bytes, for a request path (without the context path). */
    public long limitFor(String path) {
        if (!uploadRoutes.isEmpty()) {
            PathContainer container = PathContainer.parsePath(path);
            for (UploadRoute route : uploadRoutes) {
                PathPattern pattern = PathPatternParser.defaultInstance.parse(route.path());
                if (pattern.matches(container)) {
                    return route.maxBodySize().toBytes();
                }
            }
        }
        return maxBodySize.toBytes();
    }
}
