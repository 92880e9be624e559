package vn.partycell.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.ToLongFunction;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body before anything reads it: a declared Content-Length above the limit is
 * answered 413 without reading a byte; a body of unknown length (chunked) fails at the first byte
 * past the limit, so at most limit + 1 bytes are ever read. How a chunked body reaches the chain is
 * {@link ChunkedBodies}; what the 413 says is the application's {@link Rejection}.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    /** How a body of unknown length reaches the rest of the chain. */
    public enum ChunkedBodies {
        /**
         * Counted while the chain reads it, never held: a read past the limit throws {@link
         * RequestBodyTooLargeException}, and an overflow the chain did not answer itself becomes the 413.
         */
        COUNTED,
        /**
         * Read here up to the limit, then handed on from memory: for a chain that streams the body
         * from another thread (a proxy's client), where a failing read would only end in a timeout.
         */
        BUFFERED
    }

    /** Writes the 413 problem (status, content type, body); {@code Connection: close} is set already. */
    @FunctionalInterface
    public interface Rejection {
        void write(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException;
    }

    private final ToLongFunction<String> limitForPath;
    private final ChunkedBodies chunked;
    private final Rejection rejection;

    /**
     * @param limitForPath the limit in bytes for a request path (without the context path)
     */
    public RequestBodyLimitFilter(ToLongFunction<String> limitForPath, ChunkedBodies chunked, Rejection rejection) {
        this.limitForPath = limitForPath;
        this.chunked = chunked;
        this.rejection = rejection;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitForPath.applyAsLong(
                request.getRequestURI().substring(request.getContextPath().length()));
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            reject(request, response, limit);
            return;
        }
        if (chunked == ChunkedBodies.BUFFERED) {
            buffered(request, response, chain, declared, limit);
            return;
        }
        CountingRequest counted = new CountingRequest(request, limit);
        try {
            chain.doFilter(counted, response);
        } catch (IOException | ServletException | RuntimeException e) {
            // Whatever read the body did not turn the overflow into a 413 itself.
            if (counted.exceeded() && !response.isCommitted()) {
                response.reset();
                reject(request, response, limit);
                return;
            }
            throw e;
        }
    }

    private void buffered(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain, long declared, long limit)
            throws ServletException, IOException {
        if (declared >= 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null) {
            // Tomcat never reads past a declared length, which is within the limit.
            chain.doFilter(request, response);
            return;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        CountingStream in = new CountingStream(request.getInputStream(), limit);
        byte[] buffer = new byte[16 * 1024];
        try {
            int n;
            while ((n = in.read(buffer, 0, buffer.length)) > 0) {
                body.write(buffer, 0, n);
            }
        } catch (RequestBodyTooLargeException tooLarge) {
            reject(request, response, limit);
            return;
        }
        chain.doFilter(new BufferedRequest(request, body.toByteArray()), response);
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        // The rest of the body will not be read: do not let the client keep sending it.
        response.setHeader(HttpHeaders.CONNECTION, "close");
        rejection.write(request, response, limit);
    }

    private static final class BufferedRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
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

                /**
                 * Non-blocking reads of a body already held in memory: it is all available at once,
                 * so the listener is told so, then that it has been read.
                 */
                @Override
                public void setReadListener(ReadListener listener) {
                    try {
                        if (!isFinished()) {
                            listener.onDataAvailable();
                        }
                        if (isFinished()) {
                            listener.onAllDataRead();
                        }
                    } catch (IOException | RuntimeException e) {
                        listener.onError(e);
                    }
                }
            };
        }
    }

    private static final class CountingRequest extends HttpServletRequestWrapper {

        private final long limit;
        private CountingStream stream;
        private BufferedReader reader;

        CountingRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        boolean exceeded() {
            return stream != null && stream.exceeded;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
            return reader;
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
            // Never ask for more than one byte past the limit, so at most limit + 1 bytes are read.
            int n = delegate.read(buffer, offset, (int) Math.min(length, Math.max(1, limit - read + 1)));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws RequestBodyTooLargeException {
            read += n;
            if (read > limit) {
                exceeded = true;
                throw new RequestBodyTooLargeException(limit);
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
