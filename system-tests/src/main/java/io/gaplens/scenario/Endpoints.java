package io.gaplens.scenario;

/** The base URLs of the five services. */
public record Endpoints(String catalog, String assessment, String risk, String remediation, String reporting) {

    public static Endpoints of(GapLensStack stack) {
        return new Endpoints(stack.url("catalog-service"), stack.url("assessment-service"), stack.url("risk-service"),
                stack.url("remediation-service"), stack.url("reporting-service"));
    }
}
