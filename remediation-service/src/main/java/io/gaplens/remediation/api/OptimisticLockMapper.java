package io.gaplens.remediation.api;

import io.gaplens.platform.api.ApiException;
import io.gaplens.platform.api.FieldError;
import io.gaplens.platform.api.ProblemMapper;
import io.gaplens.platform.api.ProblemType;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * Answers 412 when another request changed the same row between this request's If-Match check
 * and its commit, which the row version detects.
 */
public class OptimisticLockMapper {

    private final ProblemMapper problems = new ProblemMapper();

    @ServerExceptionMapper
    public Response mapOptimisticLock(OptimisticLockException e, UriInfo uri) {
        return problems.mapApiException(new ApiException(ProblemType.PRECONDITION_FAILED,
                "The resource changed while this request ran: read it again and retry",
                List.of(new FieldError("If-Match", "stale"))), uri);
    }
}
