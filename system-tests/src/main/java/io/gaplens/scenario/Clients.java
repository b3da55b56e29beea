package io.gaplens.scenario;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.function.Consumer;

/** Builds the clients generated from each service's OpenAPI document, for one base URL and one bearer token. */
public final class Clients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(120);

    private Clients() {
    }

    public static io.gaplens.client.catalog.ApiClient catalog(String baseUri, String token) {
        var client = new io.gaplens.client.catalog.ApiClient(HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT),
                io.gaplens.client.catalog.ApiClient.createDefaultObjectMapper(), baseUri);
        client.setReadTimeout(READ_TIMEOUT);
        client.setRequestInterceptor(bearer(token));
        return client;
    }

    public static io.gaplens.client.assessment.ApiClient assessment(String baseUri, String token) {
        var client = new io.gaplens.client.assessment.ApiClient(HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT),
                io.gaplens.client.assessment.ApiClient.createDefaultObjectMapper(), baseUri);
        client.setReadTimeout(READ_TIMEOUT);
        client.setRequestInterceptor(bearer(token));
        return client;
    }

    public static io.gaplens.client.risk.ApiClient risk(String baseUri, String token) {
        var client = new io.gaplens.client.risk.ApiClient(HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT),
                io.gaplens.client.risk.ApiClient.createDefaultObjectMapper(), baseUri);
        client.setReadTimeout(READ_TIMEOUT);
        client.setRequestInterceptor(bearer(token));
        return client;
    }

    public static io.gaplens.client.remediation.ApiClient remediation(String baseUri, String token) {
        var client = new io.gaplens.client.remediation.ApiClient(HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT),
                io.gaplens.client.remediation.ApiClient.createDefaultObjectMapper(), baseUri);
        client.setReadTimeout(READ_TIMEOUT);
        client.setRequestInterceptor(bearer(token));
        return client;
    }

    public static io.gaplens.client.reporting.ApiClient reporting(String baseUri, String token) {
        var client = new io.gaplens.client.reporting.ApiClient(HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT),
                io.gaplens.client.reporting.ApiClient.createDefaultObjectMapper(), baseUri);
        client.setReadTimeout(READ_TIMEOUT);
        client.setRequestInterceptor(bearer(token));
        return client;
    }

    private static Consumer<HttpRequest.Builder> bearer(String token) {
        return request -> request.header("Authorization", "Bearer " + token);
    }
}
