package io.github.kalturareport.maven;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptorBuilder;
import org.codehaus.plexus.configuration.PlexusConfigurationException;

/** The plugin's real descriptor, as the build generated it from the annotations, for tests outside a Maven run. */
final class PluginDescriptor {

    private PluginDescriptor() {
    }

    /** The parameters of one goal, as Maven would hand them to the running Mojo. */
    static GoalParameters goal(String goal) {
        Path xml = Path.of("target/classes/META-INF/maven/plugin.xml");
        try (Reader in = new InputStreamReader(Files.newInputStream(xml), StandardCharsets.UTF_8)) {
            MojoDescriptor mojo = new PluginDescriptorBuilder().build(in).getMojo(goal);
            if (mojo == null) {
                throw new IllegalArgumentException("The plugin has no goal " + goal);
            }
            return GoalParameters.of(new MojoExecution(mojo));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (PlexusConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
