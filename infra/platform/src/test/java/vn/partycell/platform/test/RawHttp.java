package vn.partycell.platform.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * HTTP/1.1 over a plain socket, for what ordinary clients refuse to send: a request line with raw
 * characters such as {@code {}, a huge declared Content-Length, a chunked body of many megabytes
 * produced on the fly (never held in memory), read while the server may answer and hang up early.
 */
public final class RawHttp {

    public record Reply(int status, Map<String, String> headers, String body, long bytesSent) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {}

    /** Sends a request head (request line + headers, no blank line) with no body. */
    public static Reply send(int port, String head) throws Exception {
        return exchange(port, head, 0, false);
    }

    /**
     * Sends {@code totalBytes} of a JSON array ({@code [1,1,1,...}) in 64 KB chunks, stopping as
     * soon as the server has answered or closed the connection.
     */
    public static Reply chunked(int port, String method, String path, String authorization, long totalBytes)
            throws Exception {
        return chunked(port, method, path, authorization, totalBytes, null);
    }

    /**
     * As {@link #chunked(int, String, String, String, long)}, but the body is {@code prefix} followed
     * by {@code x} characters (e.g. {@code {"title":"} for one giant string field), when a prefix is given.
     */
    public static Reply chunked(
            int port, String method, String path, String authorization, long totalBytes, String prefix)
            throws Exception {
        String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n");
        return exchange(port, head.substring(0, head.length() - 2), totalBytes, true, prefix);
    }

    private static Reply exchange(int port, String head, long totalBytes, boolean chunked) throws Exception {
        return exchange(port, head, totalBytes, chunked, null);
    }

    private static Reply exchange(int port, String head, long totalBytes, boolean chunked, String prefix)
            throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            CompletableFuture<byte[]> answer = CompletableFuture.supplyAsync(() -> readAll(in));
            String fullHead = head + (head.contains("Host:") ? "" : "\r\nHost: localhost") + "\r\n\r\n";
            out.write(fullHead.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            long sent = 0;
            if (chunked) {
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < chunk.length; i += 2) {
                    chunk[i] = '1';
                    chunk[i + 1] = ',';
                }
                chunk[0] = '[';
                chunk[1] = ' ';
                if (prefix != null) {
                    java.util.Arrays.fill(chunk, (byte) 'x');
                    byte[] start = prefix.getBytes(StandardCharsets.UTF_8);
                    System.arraycopy(start, 0, chunk, 0, start.length);
                }
                try {
                    while (sent < totalBytes && !answer.isDone()) {
                        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        sent += chunk.length;
                        if (prefix != null) {
                            java.util.Arrays.fill(chunk, (byte) 'x');
                        } else {
                            chunk[0] = '1';
                            chunk[1] = ',';
                        }
                    }
                    if (!answer.isDone()) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                } catch (IOException closedByServer) {
                    // The server answered and hung up: exactly what a limit should do.
                }
            }
            return parse(answer.get(60, TimeUnit.SECONDS), sent);
        }
    }

    private static byte[] readAll(InputStream in) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                bytes.write(buffer, 0, n);
                if (complete(bytes.toByteArray())) {
                    break;
                }
            }
        } catch (IOException reset) {
            // A reset after the answer: keep what arrived.
        }
        return bytes.toByteArray();
    }

    /** Headers and a Content-Length body, or a chunked body up to its last chunk, have arrived. */
    private static boolean complete(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String headers = text.substring(0, end).toLowerCase(Locale.ROOT);
        int length = headers.indexOf("content-length:");
        if (length >= 0) {
            int eol = headers.indexOf("\r\n", length);
            long declared = Long.parseLong(headers.substring(length + 15, eol < 0 ? headers.length() : eol)
                    .trim());
            return bytes.length - (end + 4) >= declared;
        }
        return headers.contains("transfer-encoding: chunked") && text.endsWith("0\r\n\r\n");
    }

    private static Reply parse(byte[] bytes, long sent) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("No HTTP answer, got: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        Arrays.stream(lines).skip(1).forEach(line -> {
            int colon = line.indexOf(':');
            headers.put(
                    line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).trim());
        });
        byte[] body = Arrays.copyOfRange(bytes, end + 4, bytes.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Reply(status, headers, new String(body, StandardCharsets.UTF_8), sent);
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String latin = new String(body, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (at < body.length) {
            int eol = latin.indexOf("\r\n", at);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(latin.substring(at, eol).trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(body, eol + 2, Math.min(size, body.length - eol - 2));
            at = eol + 2 + size + 2;
        }
        return out.toByteArray();
    }
}
