package vn.partycell.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error pages (a request line it cannot parse, such as a raw {@code {} in the path, or
 * an error before Spring sees the request) as problem+json instead of HTML. Errors Spring answered
 * already carry a body and are left alone. Tomcat creates the valve from its class name (see
 * {@link #install}), so each application names a subclass that only says what the problem is.
 */
public abstract class ProblemErrorReportValve extends ErrorReportValve {

    protected ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    /** Makes the valve class Tomcat's error report for the host of a context. */
    public static void install(Context context, Class<? extends ProblemErrorReportValve> valve) {
        if (context.getParent() instanceof StandardHost host) {
            host.setErrorReportValveClass(valve.getName());
        }
    }

    /** The problem+json document for an error status (400 and up); no exception text. */
    protected abstract String problemJson(int status);

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String body = problemJson(status);
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
