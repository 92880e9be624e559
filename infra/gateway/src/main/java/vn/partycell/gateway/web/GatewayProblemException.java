package vn.partycell.gateway.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponseException;

/** An error with a problem the gateway's own code describes (Vietnamese detail, English title). */
public class GatewayProblemException extends ErrorResponseException {

    public GatewayProblemException(HttpStatusCode status, String detail) {
        super(status, GatewayProblems.of(status, detail, null), null);
    }
}
