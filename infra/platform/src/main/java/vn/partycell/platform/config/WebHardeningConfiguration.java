package vn.partycell.platform.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.http.ProblemErrorReportValve;
import vn.partycell.http.RequestBodyLimitFilter;
import vn.partycell.platform.web.ProblemErrorController;
import vn.partycell.platform.web.Problems;
import vn.partycell.platform.web.RequestLimits;
import vn.partycell.platform.web.ServiceErrorReportValve;

/**
 * What keeps bad input away from a 500 and from the heap: bounded request bodies, and every error
 * the container itself answers (Tomcat's error report, the error path) as problem+json.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(RequestLimits.class)
public class WebHardeningConfiguration {

    /** Before security and every other filter: a too-large body is refused before anything reads it. */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(RequestLimits limits, JsonMapper json) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(
                        limits::limitFor, RequestBodyLimitFilter.ChunkedBodies.COUNTED, (request, response, limit) -> {
                            response.setStatus(413);
                            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                            response.setCharacterEncoding("UTF-8");
                            json.writeValue(response.getOutputStream(), Problems.payloadTooLarge(limit));
                        }));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        registration.setName("requestBodyLimitFilter");
        return registration;
    }

    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    @ConditionalOnClass(TomcatServletWebServerFactory.class)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(
                context -> ProblemErrorReportValve.install(context, ServiceErrorReportValve.class));
    }
}
