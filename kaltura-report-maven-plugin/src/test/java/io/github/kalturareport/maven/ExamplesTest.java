package io.github.kalturareport.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.Phases;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The repository's {@code examples/}: the CI files parse, the Jenkinsfile is valid Groovy, and every Maven command
 * written in an example is one an Invoker IT under {@code src/it} runs, so an example edited without its IT fails
 * the build.
 */
class ExamplesTest {

    /** Surefire runs in the module's directory; the examples are at the repository's root. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path EXAMPLES = ROOT.resolve("examples");
    private static final Path ITS = Path.of("src/it").toAbsolutePath();

    /** {@code ./mvnw} or {@code mvn} and its arguments, up to a quote, a chain operator or the end of the line. */
    private static final Pattern MAVEN_COMMAND = Pattern.compile("(?:\\./mvnw|\\bmvn)(?:\\.cmd)?((?:[ \\t]+[^\\s'\"&|;`]+)+)");

    /** The one command that is not run against the simulator: building this repository before the demo. */
    private static final String BUILD_THIS_REPOSITORY = "install -DskipTests";

    @Test
    void githubActionsWorkflowParsesAndKeepsItsPromises() throws IOException {
        Map<?, ?> workflow = yaml(EXAMPLES.resolve("github-actions/kaltura-report.yml"));
        // YAML 1.1 (SnakeYAML) reads the key "on" as true; GitHub reads it as "on".
        Map<?, ?> on = map(workflow.containsKey("on") ? workflow.get("on") : workflow.get(Boolean.TRUE));
        assertThat(list(on.get("schedule"))).isNotEmpty();
        assertThat(map(list(on.get("schedule")).get(0)).get("cron")).isEqualTo("0 6 * * 1");
        List<?> steps = list(map(map(workflow.get("jobs")).get("kaltura-report")).get("steps"));
        Map<?, ?> java = step(steps, "actions/setup-java");
        assertThat(map(java.get("with")).get("cache")).isEqualTo("maven");
        Map<?, ?> run = steps.stream().map(ExamplesTest::map).filter(s -> s.containsKey("run")).findFirst().orElseThrow();
        assertThat(new ArrayList<Object>(map(run.get("env")).keySet())).contains("KALTURA_PARTNER_ID", "KALTURA_APP_TOKEN_ID",
                "KALTURA_APP_TOKEN");
        assertThat(new ArrayList<Object>(map(run.get("env")).values())).allSatisfy(v -> assertThat((String) v).startsWith("${{ secrets."));
        Map<?, ?> upload = step(steps, "actions/upload-artifact");
        assertThat(upload.get("if")).isEqualTo("always()");
        assertThat((String) map(upload.get("with")).get("path")).contains("target/kaltura-reports");
    }

    @Test
    void gitlabCiJobParsesAndKeepsItsPromises() throws IOException {
        Map<?, ?> job = map(yaml(EXAMPLES.resolve("gitlab-ci/.gitlab-ci.yml")).get("kaltura-report"));
        assertThat(list(job.get("rules")).toString()).contains("$CI_PIPELINE_SOURCE == \"schedule\"");
        Map<?, ?> artifacts = map(job.get("artifacts"));
        assertThat(artifacts.get("when")).isEqualTo("always");
        assertThat((String) map(artifacts.get("reports")).get("junit")).endsWith("TEST-kaltura-thresholds.xml");
        assertThat(list(job.get("script"))).isNotEmpty();
    }

    @Test
    void githubActionsArchiveRecipesKeepTheArchiveAndTheirPromises() throws IOException {
        // the data branch: checked out into data/, committed back unless the run was cancelled, one run at a time
        Map<?, ?> branch = yaml(EXAMPLES.resolve("github-actions/kaltura-archive-data-branch.yml"));
        assertThat(entries(branch.get("permissions")).get("contents")).isEqualTo("write");
        assertThat(entries(branch.get("concurrency")).get("cancel-in-progress")).isEqualTo(false);
        List<?> steps = archiveJobSteps(branch);
        Map<?, ?> checkout = steps.stream().map(ExamplesTest::map)
                .filter(s -> String.valueOf(s.get("uses")).startsWith("actions/checkout@") && s.containsKey("with"))
                .findFirst().orElseThrow();
        assertThat(entries(checkout.get("with"))).containsEntry("ref", "kaltura-data").containsEntry("path", "data");
        assertThat(run(steps, "./mvnw")).contains("-Dkaltura.archive=data/kaltura.db");
        Map<?, ?> commit = steps.stream().map(ExamplesTest::map)
                .filter(s -> String.valueOf(s.get("run")).contains("git push")).findFirst().orElseThrow();
        assertThat(commit.get("if")).isEqualTo("${{ !cancelled() }}");
        assertThat(commit.get("working-directory")).isEqualTo("data");
        assertThat((String) commit.get("run")).contains("git add -A", "git commit", "git push -q origin HEAD:kaltura-data");

        // the cache: restored by prefix, saved under a new key unless cancelled; the caveat is written down
        Map<?, ?> cache = yaml(EXAMPLES.resolve("github-actions/kaltura-archive-cache.yml"));
        steps = archiveJobSteps(cache);
        Map<?, ?> restore = map(step(steps, "actions/cache/restore").get("with"));
        assertThat(new LinkedHashMap<Object, Object>(restore)).containsEntry("path", "data").containsEntry("restore-keys", "kaltura-archive-");
        Map<?, ?> save = step(steps, "actions/cache/save");
        assertThat(entries(save.get("with"))).containsEntry("path", "data").containsEntry("key", restore.get("key"));
        assertThat(save.get("if")).isEqualTo("${{ !cancelled() }}");
        assertThat(run(steps, "./mvnw")).contains("mkdir -p data", "-Dkaltura.archive=data/kaltura.db");
        assertThat(read(EXAMPLES.resolve("github-actions/kaltura-archive-cache.yml")))
                .contains("7 days", "10 GB", "branch", "backfill");

        // PostgreSQL: the URL a variable, the user and password secrets, passed as the plugin's environment variables
        Map<?, ?> postgres = yaml(EXAMPLES.resolve("github-actions/kaltura-archive-postgres.yml"));
        Map<?, ?> load = steps(archiveJobSteps(postgres), "./mvnw");
        assertThat(entries(load.get("env"))).containsEntry("KALTURA_ARCHIVE_URL", "${{ vars.KALTURA_ARCHIVE_URL }}")
                .containsEntry("KALTURA_ARCHIVE_USER", "${{ secrets.KALTURA_ARCHIVE_USER }}")
                .containsEntry("KALTURA_ARCHIVE_PASSWORD", "${{ secrets.KALTURA_ARCHIVE_PASSWORD }}");
        assertThat((String) load.get("run")).contains("-Dkaltura.archive=${KALTURA_ARCHIVE_URL}");
    }

    @Test
    void gitlabArchiveRecipesKeepTheArchiveAndTheirPromises() throws IOException {
        Map<?, ?> branch = map(yaml(EXAMPLES.resolve("gitlab-ci/kaltura-archive-data-branch.gitlab-ci.yml"))
                .get("kaltura-archive"));
        assertThat(branch.get("resource_group")).isEqualTo("kaltura-archive");
        assertThat(list(branch.get("before_script")).toString())
                .contains("--branch kaltura-data", "${KALTURA_ARCHIVE_PUSH_TOKEN}", " data");
        assertThat(list(branch.get("script")).toString()).contains("-Dkaltura.archive=data/kaltura.db");
        assertThat(list(branch.get("after_script")).toString())
                .contains("\"$CI_JOB_STATUS\" = canceled", "git add -A", "git push -q origin HEAD:kaltura-data");
        assertThat(entries(branch.get("artifacts")).get("when")).isEqualTo("always");

        Map<?, ?> cache = map(yaml(EXAMPLES.resolve("gitlab-ci/kaltura-archive-cache.gitlab-ci.yml"))
                .get("kaltura-archive"));
        assertThat(cache.get("resource_group")).isEqualTo("kaltura-archive");
        Map<?, ?> archiveCache = list(cache.get("cache")).stream().map(ExamplesTest::map)
                .filter(c -> "kaltura-archive".equals(c.get("key"))).findFirst().orElseThrow();
        assertThat(items(archiveCache.get("paths"))).containsExactly("data/");
        assertThat(archiveCache.get("when")).isEqualTo("always");
        assertThat(items(cache.get("script"))).containsExactly("mkdir -p data",
                "./mvnw -B verify -Dkaltura.archive=data/kaltura.db");
    }

    @Test
    void jenkinsArchiveRecipeIsValidGroovyAndKeepsTheArchiveOnTheAgent() throws IOException {
        String jenkinsfile = Files.readString(EXAMPLES.resolve("jenkins/Jenkinsfile-archive"), StandardCharsets.UTF_8);

        groovySyntax("Jenkinsfile-archive", jenkinsfile);
        assertThat(jenkinsfile).contains("agent { label ", "KALTURA_ARCHIVE_DIR = '/", "disableConcurrentBuilds()",
                "cron(", "withCredentials(", "junit ", "archiveArtifacts ",
                // single quotes: the shell expands the variable, as the IT's invoker does
                "sh './mvnw -B verify -Dkaltura.archive=${KALTURA_ARCHIVE_DIR}/kaltura.db");
    }

    @Test
    void jenkinsfileIsValidGroovy() throws IOException {
        String jenkinsfile = Files.readString(EXAMPLES.resolve("jenkins/Jenkinsfile"), StandardCharsets.UTF_8);

        groovySyntax("Jenkinsfile", jenkinsfile);
        assertThat(jenkinsfile).contains("cron(", "withCredentials(", "post {", "always {", "junit ", "archiveArtifacts ");
    }

    @Test
    void theGroovySyntaxCheckCatchesABrokenPipeline() {
        assertThatThrownBy(() -> groovySyntax("Broken", "pipeline { agent any\n stages { stage('x') { steps { sh 'a' } }\n"))
                .isInstanceOf(CompilationFailedException.class);
    }

    @Test
    void everyMavenCommandInTheExamplesIsRunByAnIt() throws IOException {
        Map<String, List<String>> itGoals = itGoals();
        Map<String, List<String>> commands = commandsInExamples();
        assertThat(commands.keySet()).contains("jenkins/Jenkinsfile", "github-actions/kaltura-report.yml",
                "gitlab-ci/.gitlab-ci.yml", "demo/pom.xml", "multi-course/pom.xml", "scheduled-archive/pom.xml",
                "jenkins/Jenkinsfile-archive", "github-actions/kaltura-archive-data-branch.yml",
                "github-actions/kaltura-archive-cache.yml", "github-actions/kaltura-archive-postgres.yml",
                "gitlab-ci/kaltura-archive-data-branch.gitlab-ci.yml", "gitlab-ci/kaltura-archive-cache.gitlab-ci.yml");

        for (Map.Entry<String, List<String>> file : commands.entrySet()) {
            for (String command : file.getValue()) {
                List<String> arguments = new ArrayList<>(Arrays.asList(command.trim().split("\\s+")));
                arguments.removeIf(a -> a.equals("-B") || a.equals("--batch-mode") || a.equals("-q"));
                String example = null;
                int f = arguments.indexOf("-f");
                if (f >= 0) {
                    example = arguments.get(f + 1).replaceFirst("^examples/", "").replaceFirst("/pom\\.xml$", "");
                    arguments.subList(f, f + 2).clear();
                }
                String goals = String.join(" ", arguments);
                if (goals.equals(BUILD_THIS_REPOSITORY)) {
                    continue;
                }
                String wanted = example;
                assertThat(itGoals.entrySet()).as("an IT under src/it that runs '%s' (from examples/%s)%s", goals,
                        file.getKey(), wanted == null ? "" : " on examples/" + wanted)
                        .anySatisfy(it -> {
                            assertThat(it.getValue()).contains(goals);
                            if (wanted != null) {
                                assertThat(read(ITS.resolve(it.getKey()).resolve("prebuild.groovy")))
                                        .contains("useExample(basedir, '" + wanted + "')");
                            }
                        });
            }
        }
    }

    @Test
    void theReadmeOpensWithTheDemoAndTheTestCommandThatCiRuns() throws IOException {
        Matcher blocks = Pattern.compile("```sh\n(.*?)\n```", Pattern.DOTALL).matcher(read(ROOT.resolve("README.md")));
        assertThat(blocks.find()).isTrue();
        String demo = blocks.group(1);
        assertThat(blocks.find()).isTrue();
        String tests = blocks.group(1);

        // The demo's command is the one examples/demo/pom.xml documents (and the example-demo IT runs).
        assertThat(read(EXAMPLES.resolve("demo/pom.xml"))).contains(demo);
        assertThat(demo).isEqualTo("./mvnw -B -q install -DskipTests && ./mvnw -B -f examples/demo verify");
        List<String> ciCommands = read(ROOT.resolve(".ci/run")).lines()
                .filter(line -> line.startsWith("./mvnw")).collect(Collectors.toList());
        assertThat(ciCommands).containsExactly(tests);
    }

    @Test
    void theExamplesUseThisBuildsPluginVersion() throws IOException {
        String version = read(ROOT.resolve("pom.xml")).replaceAll("(?s)^.*?<artifactId>kaltura-report-parent</artifactId>\\s*"
                + "<version>([^<]+)</version>.*$", "$1");
        for (String example : List.of("demo", "multi-course", "scheduled-archive")) {
            assertThat(read(EXAMPLES.resolve(example).resolve("pom.xml")))
                    .contains("<artifactId>kaltura-report-maven-plugin</artifactId>\n        <version>" + version + "</version>");
        }
    }

    /** The Maven command lines of every file under examples/, by file. */
    private static Map<String, List<String>> commandsInExamples() throws IOException {
        Map<String, List<String>> commands = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                Matcher m = MAVEN_COMMAND.matcher(read(file));
                List<String> found = new ArrayList<>();
                while (m.find()) {
                    found.add(m.group(1).trim());
                }
                if (!found.isEmpty()) {
                    commands.put(EXAMPLES.relativize(file).toString().replace('\\', '/'), found);
                }
            }
        }
        return commands;
    }

    /** Each IT's {@code invoker.goals} and {@code invoker.goals.1}, {@code .2}… (one per invocation), by IT directory. */
    private static Map<String, List<String>> itGoals() throws IOException {
        Map<String, List<String>> goals = new LinkedHashMap<>();
        try (Stream<Path> dirs = Files.list(ITS)) {
            for (Path dir : dirs.sorted().collect(Collectors.toList())) {
                Path file = dir.resolve("invoker.properties");
                if (Files.isRegularFile(file)) {
                    Properties properties = new Properties();
                    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        properties.load(reader);
                    }
                    List<String> invocations = new ArrayList<>();
                    for (String key : new java.util.TreeSet<>(properties.stringPropertyNames())) {
                        if (key.matches("invoker\\.goals(\\.\\d+)?")) {
                            invocations.add(String.join(" ", properties.getProperty(key).trim().split("\\s+")));
                        }
                    }
                    if (!invocations.isEmpty()) {
                        goals.put(dir.getFileName().toString(), invocations);
                    }
                }
            }
        }
        return goals;
    }

    private static void groovySyntax(String name, String source) {
        CompilationUnit unit = new CompilationUnit();
        unit.addSource(name, source);
        unit.compile(Phases.CONVERSION);
    }

    private static List<?> archiveJobSteps(Map<?, ?> workflow) {
        return list(map(map(workflow.get("jobs")).get("kaltura-archive")).get("steps"));
    }

    /** The step whose {@code run} holds {@code text}. */
    private static Map<?, ?> steps(List<?> steps, String text) {
        return steps.stream().map(ExamplesTest::map).filter(s -> String.valueOf(s.get("run")).contains(text))
                .findFirst().orElseThrow(() -> new AssertionError("no step runs " + text));
    }

    private static String run(List<?> steps, String text) {
        return (String) steps(steps, text).get("run");
    }

    private static Map<?, ?> step(List<?> steps, String action) {
        return steps.stream().map(ExamplesTest::map)
                .filter(s -> String.valueOf(s.get("uses")).startsWith(action + "@"))
                .findFirst().orElseThrow(() -> new AssertionError("no step uses " + action));
    }

    private static Map<?, ?> yaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return map(new Yaml().load(reader));
        }
    }

    private static Map<?, ?> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<?, ?>) value;
    }

    /** A YAML mapping with its type, for assertions that compare entries. */
    private static Map<Object, Object> entries(Object value) {
        return new LinkedHashMap<Object, Object>(map(value));
    }

    private static List<Object> items(Object value) {
        return new ArrayList<Object>(list(value));
    }

    private static List<?> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<?>) value;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
