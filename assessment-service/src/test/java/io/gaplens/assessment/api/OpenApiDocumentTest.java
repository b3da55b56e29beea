package io.gaplens.assessment.api;

import io.gaplens.testing.GapLensTestInfrastructure;
import io.gaplens.testing.OpenApiContract;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = GapLensTestInfrastructure.class,
        initArgs = @ResourceArg(name = GapLensTestInfrastructure.SERVICES_ARG, value = "catalog-service"))
class OpenApiDocumentTest {

    @Test
    void servedDocumentMatchesCommittedOne() throws Exception {
        OpenApiContract.assertServedDocumentIsCommitted("assessment-service");
    }
}
