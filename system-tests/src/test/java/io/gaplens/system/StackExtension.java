package io.gaplens.system;

import io.gaplens.scenario.GapLensStack;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Path;

/**
 * Starts one {@link GapLensStack} for all system test classes and stops it when the test run ends.
 * Test classes receive it as a constructor or method parameter.
 */
public class StackExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StackExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == GapLensStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return stack(context);
    }

    private static GapLensStack stack(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("stack", key -> new RunningStack(), RunningStack.class)
                .stack;
    }

    /** Closes the stack when JUnit closes the root store at the end of the run. */
    static final class RunningStack implements ExtensionContext.Store.CloseableResource {

        final GapLensStack stack;

        RunningStack() {
            try {
                stack = new GapLensStack(Path.of("..")).start();
            } catch (Exception e) {
                throw new IllegalStateException("Starting the GapLens stack failed", e);
            }
        }

        @Override
        public void close() throws Exception {
            stack.close();
        }
    }
}
