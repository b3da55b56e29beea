package io.gaplens.assessment.api;

import io.gaplens.platform.api.Problem;
import io.gaplens.platform.api.ProblemType;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * Returns 412 when two writers passed the If-Match check at the same time and the second one's
 * row version no longer matches at commit.
 *
 * <p>NOTE: no test runs this path, because two writers cannot be made to pass the check together
 * without timing; the single-writer 428 and 412 answers come from ETags.requireMatch and are tested.
 */
public class ConcurrencyProblemMapper {

    private static final Logger LOG = Logger.getLogger(ConcurrencyProblemMapper.class);

    @ServerExceptionMapper
    public Response mapOptimisticLock(OptimisticLockException e, UriInfo uri) {
        LOG.debugf("412 %s: concurrent update", uri.getPath());
        Problem body = new Problem(ProblemType.PRECONDITION_FAILED.uri(), ProblemType.PRECONDITION_FAILED.title(),
                412, "The resource was changed by another request at the same time: read it again and retry",
                uri.getPath(), List.of());
        return Response.status(412).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
