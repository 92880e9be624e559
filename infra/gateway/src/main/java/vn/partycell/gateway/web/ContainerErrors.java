package vn.partycell.gateway.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import vn.partycell.http.ProblemErrorReportValve;
import vn.partycell.http.RequestBodyLimitFilter;

/**
 * What the container does with bad input: request bodies bounded by {@code
 * partycell.gateway.max-body-size} (1 MB) and Tomcat's own error report as problem+json (see {@link
 * GatewayErrorReportValve}).
 */
@Configuration(proxyBeanMethods = false)
public class ContainerErrors {

    /**
     * Before every other filter: a declared length above the limit is a 413 before any byte is read
     * or proxied; a chunked body is buffered up to the limit first, because the proxy's client
     * streams it from another thread and would only time out if the stream failed there.
     */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
            @Value("${partycell.gateway.max-body-size:1MB}") DataSize maxBodySize, ProblemResponses responses) {
        long limit = maxBodySize.toBytes();
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(
                        path -> limit,
                        RequestBodyLimitFilter.ChunkedBodies.BUFFERED,
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
