import static io.github.kalturareport.maven.it.ItChecks.*
import io.github.kalturareport.maven.it.ItSimulator

ItSimulator.stop(basedir)
String log = buildLog(basedir)
File reports = new File(basedir, 'target/kaltura-reports')

contains(log, '1 threshold breached', 'impossible attendance', 'BUILD FAILURE')
for (f in ['TEST-kaltura-thresholds.xml', 'summary.md', 'summary.json', 'report.html']) {
    exists(new File(reports, 'check/' + f))
}
String junit = new File(reports, 'check/TEST-kaltura-thresholds.xml').getText('UTF-8')
contains(junit, '<testcase', '<failure')
noSecrets(basedir, 'simulator-secret')
true
