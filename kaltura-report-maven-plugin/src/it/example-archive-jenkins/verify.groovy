import static io.github.kalturareport.maven.it.ItChecks.*
import io.github.kalturareport.maven.it.ItArchive
import io.github.kalturareport.maven.it.ItSimulator

ItSimulator.stop(basedir)
String log = buildLog(basedir)
File db = new File(KALTURA_ARCHIVE_DIR, 'kaltura.db')
// the -D overrides the POM's <archive>: nothing in the workspace
absent(new File(basedir, 'kaltura-archive/kaltura.db'))
ItArchive.twoRuns(basedir, { sql -> ItArchive.sqlite(db, sql) } as ItArchive.Sql)
// what the Jenkinsfile's junit and archiveArtifacts steps pick up
for (course in ['algebra-101', 'biology-201']) {
    exists(new File(basedir, "target/kaltura-reports/$course/check/TEST-kaltura-thresholds.xml"))
}
contains(log, 'Kaltura credentials from environment variable KALTURA_ADMIN_SECRET', 'BUILD SUCCESS')
lacks(log, 'BUILD FAILURE')
noSecrets(basedir, 'simulator-secret')
true
