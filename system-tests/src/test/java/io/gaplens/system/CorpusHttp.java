package io.gaplens.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plain HTTP/1.1 requests with exact bytes, headers and methods, for requests that the generated
 * clients would refuse to build: invalid JSON, invalid UTF-8, wrong content types, missing tokens.
 */
final class CorpusHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** The parts of a response that the corpus checks. */
    record Response(int status, String contentType, String etag, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    /**
     * Sends one request. {@code headers} may hold {@code Authorization}, {@code Content-Type} and
     * {@code If-Match}; a null body sends none.
     */
    Response send(String method, String url, Map<String, String> headers, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        HttpResponse<byte[]> received = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Response(received.statusCode(),
                received.headers().firstValue("Content-Type").orElse(""),
                received.headers().firstValue("ETag").orElse(null),
                received.body());
    }

    /**
     * Declares a body of {@code length} bytes with {@code Expect: 100-continue} over a plain socket
     * and sends the body only if the server responds {@code 100 Continue}. A server that rejects the
     * declared length responds at once, so the large body is never built or transferred.
     *
     * <p>The JDK 17 HttpClient cannot make this request: when the final response to
     * {@code Expect: 100-continue} has a body, its {@code send} blocks forever, past its timeout.
     */
    Response sendDeclaredLength(String method, String url, Map<String, String> headers, long length) throws IOException {
        URI uri = URI.create(url);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            StringBuilder head = new StringBuilder()
                    .append(method).append(' ').append(uri.getRawPath())
                    .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                    .append("Content-Length: ").append(length).append("\r\n")
                    .append("Expect: 100-continue\r\n")
                    .append("Connection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();

            InputStream in = new BufferedInputStream(socket.getInputStream());
            Map<String, String> responseHeaders = new LinkedHashMap<>();
            int status = readHead(in, responseHeaders);
            if (status == 100) {
                // The server accepted the declared length, so send the body and read the final response.
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, (byte) ' ');
                for (long sent = 0; sent < length; sent += chunk.length) {
                    out.write(chunk, 0, (int) Math.min(chunk.length, length - sent));
                }
                out.flush();
                responseHeaders.clear();
                status = readHead(in, responseHeaders);
            }
            byte[] body;
            String declared = responseHeaders.get("content-length");
            if (declared != null) {
                body = in.readNBytes(Integer.parseInt(declared.trim()));
            } else {
                body = in.readAllBytes();
            }
            return new Response(status, responseHeaders.getOrDefault("content-type", ""), responseHeaders.get("etag"), body);
        }
    }

    /** Reads a status line and headers (names in lower case); returns the status. */
    private static int readHead(InputStream in, Map<String, String> headers) throws IOException {
        String statusLine = readLine(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("Invalid HTTP status line: '" + statusLine + "'");
        }
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return Integer.parseInt(parts[1]);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("The connection closed in the middle of the response head");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** Sends a request with a bearer token and an optional JSON body, and fails unless it succeeds. */
    Response call(String method, String url, String token, Object json) throws IOException, InterruptedException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        byte[] body = null;
        if (json != null) {
            headers.put("Content-Type", "application/json");
            body = JSON.writeValueAsBytes(json);
        }
        return expectSuccess(method, url, send(method, url, headers, body));
    }

    /** Sends a body of {@code contentType} with a bearer token, and fails unless it succeeds. */
    Response upload(String method, String url, String token, String contentType, byte[] body)
            throws IOException, InterruptedException {
        Map<String, String> headers = Map.of("Authorization", "Bearer " + token, "Content-Type", contentType);
        return expectSuccess(method, url, send(method, url, headers, body));
    }

    private static Response expectSuccess(String method, String url, Response answer) {
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException(method + " " + url + " failed with " + answer.status() + ": " + answer.text());
        }
        return answer;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
