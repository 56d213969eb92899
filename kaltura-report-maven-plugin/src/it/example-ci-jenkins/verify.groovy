import static io.github.kalturareport.maven.it.ItChecks.*
import io.github.kalturareport.maven.it.ItSimulator

ItSimulator.stop(basedir)
String log = buildLog(basedir)
// what the Jenkinsfile's junit and archiveArtifacts steps pick up
for (course in ['algebra-101', 'biology-201']) {
    exists(new File(basedir, "target/kaltura-reports/$course/attendees.csv"))
    exists(new File(basedir, "target/kaltura-reports/$course/check/TEST-kaltura-thresholds.xml"))
}
contains(log, 'Kaltura credentials from environment variable KALTURA_ADMIN_SECRET', 'BUILD SUCCESS')
noSecrets(basedir, 'simulator-secret')
true
