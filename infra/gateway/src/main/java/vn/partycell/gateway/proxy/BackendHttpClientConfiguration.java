package vn.partycell.gateway.proxy;

import java.net.http.HttpClient;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JDK HttpClient the proxy uses to call the backends. Its default version is HTTP/2, which on a
 * plain {@code http://} backend means every request carries an h2c upgrade offer ({@code Connection:
 * Upgrade, HTTP2-Settings}) that Tomcat never accepts: the backends speak HTTP/1.1, so say so and
 * keep pooled keep-alive connections without the upgrade dance.
 */
@Configuration(proxyBeanMethods = false)
public class BackendHttpClientConfiguration {

    @Bean
    ClientHttpRequestFactoryBuilderCustomizer<JdkClientHttpRequestFactoryBuilder> http11ToBackends() {
        return builder -> builder.withHttpClientCustomizer(client -> client.version(HttpClient.Version.HTTP_1_1));
    }
}
