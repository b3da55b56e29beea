package io.gaplens.remediation.api;

import io.gaplens.platform.security.Roles;
import io.gaplens.platform.security.Tenant;
import io.gaplens.remediation.api.ActionViews.OverdueCheckView;
import io.gaplens.remediation.service.OverdueCheck;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/remediation-overdue-checks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Remediation actions")
public class OverdueCheckResource {

    @Inject
    Tenant tenant;

    @Inject
    OverdueCheck check;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Run the overdue check for this organisation now",
            description = "The scheduled check runs for every organisation; this runs it at once for the caller's. "
                    + "RemediationOverdue is sent once per action and due date either way.")
    public OverdueCheckView runOverdueCheck() {
        return new OverdueCheckView(check.detect(tenant.id()));
    }
}
