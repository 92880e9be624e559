package vn.partycell.gateway.proxy;

import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The proxy and the client it calls the backends with: Apache HttpClient 5 (classic, blocking),
 * doing the backend I/O on the request's own thread over pooled keep-alive connections, where the
 * JDK HttpClient hands every exchange to its selector thread and an executor and back.
 *
 * <p>A proxy must be transparent, so the client's own conveniences are off: no cookie store (a
 * cookie one caller's backend set would otherwise be sent for every later caller), no transparent
 * decompression or added {@code Accept-Encoding}, no redirects followed, no retries of its own (the
 * caller decides), and enough pooled connections per backend for every concurrent request.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BackendRoutes.class)
public class BackendHttpClientConfiguration {

    @Bean(destroyMethod = "close")
    CloseableHttpClient backendHttpClient(
            @Value("${partycell.gateway.backend-connections:512}") int connectionsPerBackend,
            @Value("${partycell.gateway.connect-timeout:2s}") Duration connectTimeout,
            @Value("${partycell.gateway.read-timeout:30s}") Duration readTimeout) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultSocketConfig(SocketConfig.custom()
                                .setTcpNoDelay(true)
                                .setSoTimeout(Timeout.of(readTimeout))
                                .build())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(readTimeout))
                                // A pooled connection idle for a second is checked before reuse:
                                // without retries, a backend that closed it meanwhile must not turn
                                // into a 502 for the next caller.
                                .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                                .build())
                        .setMaxConnPerRoute(connectionsPerBackend)
                        .setMaxConnTotal(4 * connectionsPerBackend)
                        .build())
                .disableCookieManagement()
                .disableContentCompression()
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
    }

    @Bean
    BackendProxy backendProxy(CloseableHttpClient backendHttpClient, BackendRoutes routes) {
        return new BackendProxy(backendHttpClient, routes.trustedProxies());
    }

    @Bean
    BackendHandlerMapping backendHandlerMapping(BackendRoutes routes, BackendProxy backendProxy) {
        return new BackendHandlerMapping(routes, backendProxy);
    }
}
