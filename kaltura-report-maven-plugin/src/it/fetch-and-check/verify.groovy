import static io.github.kalturareport.maven.it.ItChecks.*
import io.github.kalturareport.maven.it.ItSimulator

ItSimulator.stop(basedir)
String log = buildLog(basedir)
File reports = new File(basedir, 'target/kaltura-reports')

for (name in ['rooms', 'attendees', 'breakouts']) {
    File csv = new File(reports, name + '.csv')
    exists(csv)
    assert dataRows(csv) > 0 : "$csv has no rows"
    contains(log, "[INFO] $name: ")
    // attached with classifier kaltura-<name> and installed with the project
    exists(new File(localRepositoryPath, "it/kaltura/fetch-and-check/1.0/fetch-and-check-1.0-kaltura-${name}.csv"))
}
exists(new File(reports, 'manifest.json'))
for (f in ['TEST-kaltura-thresholds.xml', 'summary.md', 'summary.json', 'report.html']) {
    exists(new File(reports, 'check/' + f))
}
contains(log, 'rooms:count(entry_id)', 'engagement is a ratio', 'unreachable attendance goal', '[WARNING]', 'BUILD SUCCESS')
lacks(log, 'thresholds breached', 'threshold breached')
// GITHUB_STEP_SUMMARY (set for every IT in the invoker configuration) got this build's Markdown summary
contains(new File(basedir, '../../it-step-summary.md').getText('UTF-8'), 'engagement is a ratio')
noSecrets(basedir, 'simulator-secret')
true
