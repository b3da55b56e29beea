package io.gaplens.risk.api;

import io.gaplens.platform.api.FieldError;
import io.gaplens.platform.api.Problem;
import io.gaplens.platform.api.ProblemType;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * Maps a concurrent update to 412. Another writer (a gap event or another user) changed the same
 * row between the If-Match check and the write, and the row version detected it at flush.
 */
public class ConcurrentUpdateProblemMapper {

    private static final Logger LOG = Logger.getLogger(ConcurrentUpdateProblemMapper.class);

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response mapConcurrentUpdate(RuntimeException e, UriInfo uri) {
        LOG.debugf("412 %s: concurrent update: %s", uri.getPath(), e.getMessage());
        ProblemType type = ProblemType.PRECONDITION_FAILED;
        Problem body = new Problem(type.uri(), type.title(), type.status(),
                "The resource changed while this request was written: read it again and retry", uri.getPath(),
                List.of(new FieldError("If-Match", "stale")));
        return Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
