package io.gaplens.scenario;

import java.net.http.HttpClient;
import java.time.Duration;

/** Builds the generated API clients for one service URL and one bearer token. */
public final class Clients {

    private Clients() {
    }

    public static io.gaplens.client.catalog.ApiClient catalog(String baseUri, String token) {
        io.gaplens.client.catalog.ApiClient client = new io.gaplens.client.catalog.ApiClient(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)),
                io.gaplens.client.catalog.ApiClient.createDefaultObjectMapper(), baseUri);
        client.setReadTimeout(Duration.ofSeconds(60));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }
}
