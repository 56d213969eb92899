import static io.github.kalturareport.maven.it.ItChecks.*
import io.github.kalturareport.maven.it.ItSimulator
import groovy.json.JsonSlurper

ItSimulator.stop(basedir)
String log = buildLog(basedir)
File check = new File(basedir, 'target/kaltura-reports/check')

// Run 1, without a baseline: every vs previous result is NO DATA, never a failure.
String first = log.substring(0, log.indexOf('BUILD SUCCESS'))
contains(first, 'NO DATA')
lacks(first, 'PREVIOUS')
// Run 2, against run 1's summary.json: the same data, so the change is 0: PASS, and > 0 is breached (a warning).
String second = log.substring(log.indexOf('BUILD SUCCESS') + 1)
second = second.substring(0, second.indexOf('BUILD SUCCESS'))
contains(second, 'PREVIOUS', 'CHANGE', 'vs previous >= -5%', 'PASS', 'WARN', '(previous ', ', change 0)')
lacks(second, 'NO DATA')
// Run 3: a baseline that is not there fails before any work, naming the setting.
contains(log, 'target/no-such-build/summary.json does not exist', '-Dkaltura.baseline', 'BUILD FAILURE')
assert log.count('BUILD SUCCESS') == 2 : 'runs 1 and 2 should pass'

def summary = new JsonSlurper().parse(new File(check, 'summary.json'))
assert summary.schemaVersion == 2
assert summary.results.every { it.quantityKey != null && it.previous != null && it.change == 0 }
assert summary.rules.count { it.compareTo == 'previous' } == 3
contains(new File(check, 'TEST-kaltura-thresholds.xml').getText('UTF-8'), 'previous: ', 'change: 0')
contains(new File(check, 'summary.md').getText('UTF-8'), '| Previous | Change |')
// report.html: the previous value and change, and a trend of two points (run 1's and run 2's)
contains(new File(check, 'report.html').getText('UTF-8'), '<th>Previous</th><th>Change</th>', '<h2>Trends</h2>',
        'chart-trend-1', '2 runs, the last is this one')
noSecrets(basedir, 'simulator-secret')
true
