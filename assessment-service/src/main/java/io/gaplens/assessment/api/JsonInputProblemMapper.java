package io.gaplens.assessment.api;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.gaplens.platform.api.ProblemMapper;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Sends unreadable JSON values (an unknown enum constant, an unknown field, a malformed date) through
 * the platform's problem details mapping. Without it, quarkus-rest-jackson's own mapper for
 * {@link MismatchedInputException}, which is more specific than the platform's mapper for
 * JsonProcessingException, responds with a plain JSON body that names no field.
 */
public class JsonInputProblemMapper {

    private final ProblemMapper problems = new ProblemMapper();

    @ServerExceptionMapper
    public Response mapMismatchedInput(MismatchedInputException e, UriInfo uri) {
        return problems.mapJsonProcessing(e, uri);
    }
}
