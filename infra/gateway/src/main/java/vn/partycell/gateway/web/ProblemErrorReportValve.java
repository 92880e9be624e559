package vn.partycell.gateway.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error pages (a request line it cannot parse, such as a raw {@code {} in the path)
 * as problem+json instead of HTML. Errors the gateway answered already carry a body.
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
        String detail =
                status < 500 ? "Yêu cầu không hợp lệ." : "Cổng API gặp lỗi không mong muốn. Vui lòng thử lại sau.";
        String body =
                "{\"type\":\"about:blank\",\"title\":\"" + (status < 500 ? "Bad Request" : "Internal Server Error")
                        + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            OutputStream out = response.getOutputStream();
            out.write(body.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException | IllegalStateException e) {
            // The connection is gone: nothing left to tell.
        }
    }
}
