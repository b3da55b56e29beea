package io.gaplens.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Plain HTTP calls of the benchmark, with one shared client so that connections are reused as a
 * long-running integrator would reuse them. Every call fails on a non-2xx status with the body.
 */
final class BenchHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    /** A response body with the ETag header, which is null when the response has none. */
    record Reply(JsonNode body, String etag) {
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Reply get(String url, String token) throws IOException, InterruptedException {
        return json(request(url, token).GET().build());
    }

    Reply postJson(String url, String token, Object body) throws IOException, InterruptedException {
        return json(request(url, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : JSON.writeValueAsString(body))).build());
    }

    Reply putJson(String url, String token, String ifMatch, Object body) throws IOException, InterruptedException {
        return json(request(url, token).header("Content-Type", "application/json").header("If-Match", ifMatch)
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    Reply postCsv(String url, String token, String csv) throws IOException, InterruptedException {
        return json(request(url, token).header("Content-Type", "text/csv; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build());
    }

    /** Downloads {@code url} and returns the body's size in bytes. */
    long download(String url, String token) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request(url, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        check(response.request(), response.statusCode(), () -> new String(response.body(), StandardCharsets.UTF_8));
        return response.body().length;
    }

    private HttpRequest.Builder request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    private Reply json(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        check(request, response.statusCode(), response::body);
        JsonNode body = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        return new Reply(body, response.headers().firstValue("ETag").orElse(null));
    }

    private static void check(HttpRequest request, int status, java.util.function.Supplier<String> body) {
        if (status / 100 != 2) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed with " + status + ": " + body.get());
        }
    }
}
