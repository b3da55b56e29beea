package io.gaplens.remediation.api;

import io.gaplens.testing.GapLensTestInfrastructure;
import io.gaplens.testing.OpenApiContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(GapLensTestInfrastructure.class)
class OpenApiDocumentTest {

    @Test
    void servedDocumentMatchesCommittedOne() throws Exception {
        OpenApiContract.assertServedDocumentIsCommitted("remediation-service");
    }
}
