package vn.partycell.gateway.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Replaces Boot's error controller: an error that the dispatcher did not turn into a response
 * itself (a failing filter, a container-level error) is also answered with problem+json, without
 * any exception text.
 */
@Controller
public class ProblemErrorController implements ErrorController {

    private final ProblemResponses responses;

    public ProblemErrorController(ProblemResponses responses) {
        this.responses = responses;
    }

    @RequestMapping("${spring.web.error.path:/error}")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Without an error status the path was called directly: there is nothing to show there.
        HttpStatus status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                ? HttpStatus.resolve(code)
                : HttpStatus.NOT_FOUND;
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        ProblemDetail problem = GatewayProblems.of(status, request);
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
            problem.setInstance(GatewayProblems.instance(uri));
        }
        responses.write(problem, null, request, response);
    }
}
