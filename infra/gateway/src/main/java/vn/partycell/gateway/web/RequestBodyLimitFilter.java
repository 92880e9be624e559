package vn.partycell.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds what the gateway forwards ({@code partycell.gateway.max-body-size}, 1 MB): a declared
 * Content-Length above it is a 413 problem before any byte is read or proxied; a chunked body is
 * read up to the limit before it is forwarded and answered 413 at the first byte past it, so at
 * most limit + 1 bytes of a body are ever held.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final ProblemResponses responses;

    public RequestBodyLimitFilter(
            @Value("${partycell.gateway.max-body-size:1MB}") DataSize maxBodySize, ProblemResponses responses) {
        this.limit = maxBodySize.toBytes();
        this.responses = responses;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            reject(request, response);
            return;
        }
        if (declared >= 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null) {
            // Tomcat never reads past a declared length, which is within the limit.
            chain.doFilter(request, response);
            return;
        }
        // Unknown length (chunked): the proxy's client streams the body from another thread and
        // would only time out if the stream failed there, so read it here, never more than limit + 1.
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        CountingStream in = new CountingStream(request.getInputStream(), limit);
        byte[] buffer = new byte[16 * 1024];
        try {
            int n;
            while ((n = in.read(buffer, 0, buffer.length)) > 0) {
                body.write(buffer, 0, n);
            }
        } catch (BodyTooLargeException tooLarge) {
            reject(request, response);
            return;
        }
        chain.doFilter(new BufferedRequest(request, body.toByteArray()), response);
    }

    void reject(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpHeaders headers = new HttpHeaders();
        // The rest of the body will not be read: do not let the client keep sending it.
        headers.set(HttpHeaders.CONNECTION, "close");
        responses.write(
                GatewayProblems.of(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "Nội dung yêu cầu vượt quá giới hạn " + limit + " byte.",
                        request),
                headers,
                request,
                response);
    }

    /** Thrown by the counted stream at the first byte past the limit. */
    public static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long limit) {
            super("Request body larger than " + limit + " bytes");
        }
    }

    private static final class BufferedRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long limit;
        private long read;
        private boolean exceeded;

        CountingStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, (int) Math.min(length, Math.max(1, limit - read + 1)));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                exceeded = true;
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
