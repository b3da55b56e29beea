package io.gaplens.remediation.api;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.gaplens.platform.api.ProblemMapper;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps a JSON value of the wrong type or format (an unknown enum constant, an invalid date or
 * UUID) to problem details naming the field. Without it, quarkus-rest-jackson's own mapper for
 * this exception, which is more specific than the platform's, returns a body of its own shape.
 */
public class JsonInputMapper {

    private final ProblemMapper problems = new ProblemMapper();

    @ServerExceptionMapper
    public Response mapMismatchedInput(MismatchedInputException e, UriInfo uri) {
        return problems.mapJsonProcessing(e, uri);
    }
}
