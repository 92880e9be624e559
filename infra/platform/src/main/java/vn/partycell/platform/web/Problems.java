package vn.partycell.platform.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** One place that shapes RFC 9457 problems, so every service answers alike. */
public final class Problems {

    public static final String TYPE_BASE = "https://partycell.vn/problems/";

    private Problems() {}

    public static ProblemDetail of(HttpStatusCode status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(title);
        problem.setProperty("code", code);
        return problem;
    }

    /** A request body passed its limit ({@code partycell.web.*}). */
    public static ProblemDetail payloadTooLarge(long limit) {
        return of(
                HttpStatus.CONTENT_TOO_LARGE,
                "payload-too-large",
                "Nội dung quá lớn",
                "Nội dung yêu cầu vượt quá giới hạn " + limit + " byte");
    }
}
