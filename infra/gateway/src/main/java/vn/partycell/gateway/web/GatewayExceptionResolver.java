package vn.partycell.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import vn.partycell.http.RequestBodyTooLargeException;

/**
 * Turns every exception that reaches the dispatcher into a problem+json response, for routes
 * (gateway handler functions, which {@code @ControllerAdvice} does not cover), the dev issuer's
 * controller and unknown paths alike: 404 for a path no route or controller serves, 503, 504 or
 * 502 when a backend cannot be reached, does not answer in time or answers badly, 500 otherwise.
 */
@Component
public class GatewayExceptionResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(GatewayExceptionResolver.class);

    private final ProblemResponses responses;

    public GatewayExceptionResolver(ProblemResponses responses) {
        this.responses = responses;
    }

    /** Right after Boot's DefaultErrorAttributes, which only records the exception. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception error) {
        if (response.isCommitted()) {
            log.warn(
                    "{} {} failed after the response was committed: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    error.toString());
            return null;
        }
        ProblemDetail problem;
        HttpHeaders headers = null;
        if (GatewayProblems.hasCause(error, RequestBodyTooLargeException.class)) {
            // The body passed the limit while it was being proxied: the client's doing, 413.
            problem = GatewayProblems.of(HttpStatus.CONTENT_TOO_LARGE, request);
            headers = new HttpHeaders();
            headers.set(HttpHeaders.CONNECTION, "close");
        } else if (error instanceof ErrorResponse errorResponse) {
            problem = fromErrorResponse(errorResponse, request);
            headers = errorResponse.getHeaders();
        } else if (error instanceof org.apache.tomcat.util.http.InvalidParameterException) {
            // A query string that is not valid percent-encoded UTF-8: the client's mistake, not ours.
            problem = GatewayProblems.of(
                    HttpStatus.BAD_REQUEST, "Tham số truy vấn không phải UTF-8 được mã hóa phần trăm hợp lệ", request);
        } else {
            problem = GatewayProblems.forBackendFailure(error, request);
            if (problem != null) {
                log.warn(
                        "{} {} -> {}: {} (root cause: {})",
                        request.getMethod(),
                        request.getRequestURI(),
                        problem.getStatus(),
                        error.getMessage(),
                        rootCause(error).toString());
            } else {
                log.error("{} {} failed", request.getMethod(), request.getRequestURI(), error);
                problem = GatewayProblems.of(HttpStatus.INTERNAL_SERVER_ERROR, request);
            }
        }
        try {
            responses.write(problem, headers, request, response);
        } catch (IOException writeFailure) {
            log.warn(
                    "Could not write the problem response for {}: {}",
                    request.getRequestURI(),
                    writeFailure.toString());
        }
        return new ModelAndView();
    }

    private static ProblemDetail fromErrorResponse(ErrorResponse errorResponse, HttpServletRequest request) {
        if (errorResponse instanceof GatewayProblemException own) {
            ProblemDetail problem = own.getBody();
            if (problem.getInstance() == null) {
                problem.setInstance(GatewayProblems.instance(request.getRequestURI()));
            }
            if (request.getAttribute(RequestIdFilter.ATTRIBUTE) instanceof String requestId) {
                problem.setProperty("requestId", requestId);
            }
            return problem;
        }
        // Spring's own exceptions (no route, wrong method, ...): keep the status, say it in Vietnamese.
        return GatewayProblems.of(errorResponse.getStatusCode(), request);
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
