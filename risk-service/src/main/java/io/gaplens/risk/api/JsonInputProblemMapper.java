package io.gaplens.risk.api;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.gaplens.platform.api.ProblemMapper;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps a JSON value of the wrong type or an unknown enum constant to problem details that name
 * the field. quarkus-rest-jackson 3.33 has its own mapper for {@link MismatchedInputException},
 * which is more specific than the platform's JsonProcessingException mapper and answers without
 * the field, so this one takes the exception first and hands it to the platform's mapping.
 */
public class JsonInputProblemMapper {

    private final ProblemMapper problems = new ProblemMapper();

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mapMismatchedInput(MismatchedInputException e, UriInfo uri) {
        return problems.mapJsonProcessing(e, uri);
    }
}
