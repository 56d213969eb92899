import static io.github.kalturareport.maven.it.ItChecks.*

String log = buildLog(basedir)
File reports = new File(basedir, 'target/kaltura-reports')
for (name in ['rooms', 'attendees', 'breakouts']) {
    File csv = new File(reports, name + '.csv')
    exists(csv)
    assert dataRows(csv) > 0 : "$csv has no rows"
}
exists(new File(reports, 'check/report.html'))
exists(new File(reports, 'check/TEST-kaltura-thresholds.xml'))
// what a newcomer reads: simulated data said plainly, the table with a pass and a warning, and where the files are
contains(log, '[WARNING] SIMULATED DATA', 'RULE', 'VERDICT', 'PASS', 'WARN', '[WARNING] every session draws 30 people',
        '[INFO] CSV files: target/kaltura-reports/*.csv', '[INFO] Report:    target/kaltura-reports/check/report.html',
        'BUILD SUCCESS')
// the embedded server's own start and stop lines stay out of the log
lacks(log, 'oejs.Server', 'jetty-12', 'FAIL ')
noSecrets(basedir, 'simulator-secret')
true
