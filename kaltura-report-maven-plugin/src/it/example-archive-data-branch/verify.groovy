import static io.github.kalturareport.maven.it.ItChecks.*
import io.github.kalturareport.maven.it.ItArchive
import io.github.kalturareport.maven.it.ItSimulator

ItSimulator.stop(basedir)
String log = buildLog(basedir)
File db = new File(basedir, 'data/kaltura.db')
// the file the workflow commits (git add -A in data/) or caches: the archive alone, no journal left behind
assert fileNames(new File(basedir, 'data')) == ['kaltura.db'] : "data/ holds ${fileNames(new File(basedir, 'data'))}"
absent(new File(basedir, 'kaltura-archive/kaltura.db'))
ItArchive.twoRuns(basedir, { sql -> ItArchive.sqlite(db, sql) } as ItArchive.Sql)
contains(log, 'Kaltura credentials from environment variables KALTURA_APP_TOKEN_ID/KALTURA_APP_TOKEN', 'BUILD SUCCESS')
lacks(log, 'SIMULATED DATA', 'BUILD FAILURE')
// what the workflows upload, and the run summary GitHub shows
for (course in ['algebra-101', 'biology-201']) {
    exists(new File(basedir, "target/kaltura-reports/$course/check/TEST-kaltura-thresholds.xml"))
}
noSecrets(basedir, 'ci-app-token-value-9876543210')
// the committed archive holds no secret either
assert !db.getText('ISO-8859-1').contains('ci-app-token-value-9876543210')
true
