package io.github.kalturareport.maven;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;

/**
 * A goal's parameters as its descriptor ({@code plugin.xml}, made from the {@code @Parameter} annotations) declares
 * them. It is the one place that knows which {@code -D} property sets which parameter, so no table of names is kept
 * by hand.
 */
final class GoalParameters {

    private final String goal;
    private final Map<String, Parameter> byName = new LinkedHashMap<>();

    private GoalParameters(String goal, List<Parameter> parameters) {
        this.goal = goal;
        for (Parameter p : parameters) {
            byName.put(p.getName(), p);
        }
    }

    /** The parameters of the running goal; none when Maven gave no execution (a Mojo made by hand in a test). */
    static GoalParameters of(MojoExecution execution) {
        MojoDescriptor descriptor = execution == null ? null : execution.getMojoDescriptor();
        if (descriptor == null) {
            return new GoalParameters("", List.of());
        }
        List<Parameter> parameters = descriptor.getParameters();
        return new GoalParameters(descriptor.getGoal(), parameters == null ? List.of() : parameters);
    }

    /** The goal's name, e.g. {@code fetch}. */
    String goal() {
        return goal;
    }

    /** Whether the goal has a parameter of this name. */
    boolean has(String name) {
        return byName.containsKey(name);
    }

    /** The names of the goal's parameters, in the descriptor's order. */
    Iterable<String> names() {
        return byName.keySet();
    }

    /**
     * The user property that sets a parameter, {@code kaltura.outputDirectory} for the expression
     * {@code ${kaltura.outputDirectory}}; empty for a parameter that has none (such as {@code thresholds}) or an
     * expression that is not a plain property (such as {@code ${project}}).
     */
    Optional<String> property(String name) {
        Parameter p = byName.get(name);
        String expression = p == null ? null : p.getExpression();
        if (expression == null || !expression.startsWith("${") || !expression.endsWith("}")) {
            return Optional.empty();
        }
        String property = expression.substring(2, expression.length() - 1);
        return property.startsWith(PropertyNames.PREFIX) ? Optional.of(property) : Optional.empty();
    }
}
