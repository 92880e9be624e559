package vn.partycell.gateway.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import vn.partycell.http.ProblemErrorReportValve;
import vn.partycell.http.RequestBodyLimitFilter;

/**
 * What the container does with bad input: request bodies bounded by {@code
 * partycell.gateway.max-body-size} (1 MB) or, on an upload route, {@code
 * partycell.gateway.upload-routes[].max-body-size} ({@link GatewayBodyLimits}), and Tomcat's own
 * error report as problem+json (see {@link GatewayErrorReportValve}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayBodyLimits.class)
public class ContainerErrors {

    /**
     * Before every other filter: a declared length above the route's limit is a 413 before any byte
     * is read or proxied; a body of unknown length (chunked) is counted while the proxy streams it to
     * the backend, never held: the backend client (Apache HttpClient 5, classic) writes it on the
     * request's own thread, so the first read past the limit fails that thread's exchange and {@link
     * GatewayExceptionResolver} answers 413 (the backend sees the request aborted).
     */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
            GatewayBodyLimits limits, ProblemResponses responses) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(
                        limits::limitFor,
                        RequestBodyLimitFilter.ChunkedBodies.COUNTED,
                        (request, response, max) -> responses.write(
                                GatewayProblems.of(
                                        HttpStatus.CONTENT_TOO_LARGE,
                                        "Nội dung yêu cầu vượt quá giới hạn " + max + " byte.",
                                        request),
                                null,
                                request,
                                response)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        registration.setName("requestBodyLimitFilter");
        return registration;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(
                context -> ProblemErrorReportValve.install(context, GatewayErrorReportValve.class));
    }
}
