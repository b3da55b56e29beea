package io.gaplens.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;

/**
 * Rejects a request whose declared {@code Content-Length} is above
 * {@code quarkus.http.limits.max-body-size} with a 413 problem details response.
 *
 * <p>Quarkus enforces the same limit with a Vert.x route of order -2 that responds 413 with an
 * empty body, before any JAX-RS exception mapper can run. This route has a lower order, so it
 * runs first and sends the problem details body instead. Like the Quarkus route, it closes the
 * connection, because the client may still be sending the rejected body.
 *
 * <p>NOTE: a chunked body without {@code Content-Length} is still counted while Quarkus reads
 * it, and that 413 keeps the empty body of Quarkus. The JDK 17 HttpClient blocks forever when the
 * final response to {@code Expect: 100-continue} has a body, so Java clients on that version that
 * send large uploads with {@code expectContinue(true)} should set no such header or use another client.
 */
@ApplicationScoped
public class BodySizeLimit {

    private static final Logger LOG = Logger.getLogger(BodySizeLimit.class);

    /** Runs before the Quarkus limit route, which has order -2. */
    static final int ROUTE_ORDER = -3;

    private final Optional<MemorySize> maxBodySize;
    private final ObjectMapper mapper;

    BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize,
                  ObjectMapper mapper) {
        this.maxBodySize = maxBodySize;
        this.mapper = mapper;
    }

    void register(@Observes Router router) {
        if (maxBodySize.isEmpty()) {
            return;
        }
        long limit = maxBodySize.get().asLongValue();
        router.route().order(ROUTE_ORDER).handler(context -> check(context, limit));
    }

    private void check(RoutingContext context, long limit) {
        HttpServerRequest request = context.request();
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException invalid) {
            // Vert.x rejects a malformed Content-Length while decoding the request, so it never gets here.
            length = -1;
        }
        if (length <= limit) {
            context.next();
            return;
        }

        LOG.debugf("413 %s: Content-Length %d is above the limit of %d bytes", request.path(), length, limit);
        ProblemType type = ProblemType.PAYLOAD_TOO_LARGE;
        Problem problem = new Problem(type.uri(), type.title(), type.status(),
                "The request body has " + length + " bytes, above the limit of " + limit + " bytes",
                request.path(), List.of());
        HttpServerResponse response = context.response();
        response.setStatusCode(type.status());
        response.putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.putHeader(HttpHeaders.CONNECTION, "close");
        response.endHandler(ended -> request.connection().close());
        try {
            response.end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            // A Problem record always serializes, so a failure is a programming error. The client still gets the 413.
            LOG.errorf(e, "Serializing the 413 problem details for %s failed", request.path());
            response.end();
        }
    }
}
