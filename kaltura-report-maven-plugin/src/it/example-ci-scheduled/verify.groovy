import static io.github.kalturareport.maven.it.ItChecks.*
import io.github.kalturareport.maven.it.ItSimulator

ItSimulator.stop(basedir)
String log = buildLog(basedir)
// what the workflows upload and report: **/target/kaltura-reports/ and **/target/kaltura-reports/**/TEST-kaltura-thresholds.xml
for (course in ['algebra-101', 'biology-201']) {
    exists(new File(basedir, "target/kaltura-reports/$course/rooms.csv"))
    exists(new File(basedir, "target/kaltura-reports/$course/check/TEST-kaltura-thresholds.xml"))
}
contains(log, 'Kaltura credentials from environment variables KALTURA_APP_TOKEN_ID/KALTURA_APP_TOKEN', 'BUILD SUCCESS')
lacks(log, 'SIMULATED DATA')
// the period from the command line reached the request: a 7-day window
contains(new File(basedir, 'target/kaltura-reports/algebra-101/manifest.json').getText('UTF-8'), '"LAST_7_DAYS"')
// GITHUB_STEP_SUMMARY (set for every IT in the invoker configuration) got the courses' Markdown summaries
contains(new File(basedir, '../../it-step-summary.md').getText('UTF-8'), 'Algebra 101: mean engagement')
noSecrets(basedir, 'ci-app-token-value-9876543210')
true
