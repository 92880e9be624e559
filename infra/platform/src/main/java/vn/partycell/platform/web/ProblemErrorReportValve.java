package vn.partycell.platform.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error pages (a request line it cannot parse, such as a raw {@code {} in the path, or
 * an error before Spring sees the request) as problem+json instead of HTML. Errors Spring answered
 * already carry a body and are left alone.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus resolved = HttpStatus.resolve(status);
        String title = resolved != null && resolved.is4xxClientError() ? "Yêu cầu không hợp lệ" : "Lỗi hệ thống";
        String detail = resolved != null && resolved.is4xxClientError()
                ? "Máy chủ không thể xử lý yêu cầu này (" + status + ")"
                : "Đã có lỗi ngoài dự kiến; hãy thử lại sau hoặc báo cho bộ phận vận hành";
        String code = resolved != null && resolved.is4xxClientError() ? "malformed-request" : "internal";
        String body = "{\"type\":\"" + Problems.TYPE_BASE + code + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"code\":\"" + code + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            OutputStream out = response.getOutputStream();
            out.write(body.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the response cannot take a body: nothing left to tell.
        }
    }
}
