package vn.partycell.gateway.proxy;

import java.net.URI;
import org.apache.hc.core5.http.HttpHost;

/**
 * A resolved route for one request: the service, where to send it and the path pattern it matched
 * (for the {@code uri} tag of {@code http.server.requests}, which must not carry every id).
 *
 * @param targetPath the path to call on the backend, or {@code null} for the request's own path
 */
record BackendRoute(String service, HttpHost host, String basePath, String pattern, String targetPath) {

    static BackendRoute of(String service, URI uri, String pattern, String targetPath) {
        String base = uri.getRawPath() == null || uri.getRawPath().equals("/") ? "" : uri.getRawPath();
        return new BackendRoute(service, HttpHost.create(uri), base, pattern, targetPath);
    }

    /** The request URI on the backend: its base path, then the caller's raw path (or the fixed one) and query. */
    String requestUri(String rawPath, String rawQuery) {
        String path = basePath + (targetPath != null ? targetPath : rawPath);
        return rawQuery == null ? path : path + "?" + rawQuery;
    }
}
