import static io.github.kalturareport.maven.it.ItChecks.*
import io.github.kalturareport.maven.it.ItSimulator

ItSimulator.stop(basedir)
String log = buildLog(basedir)
File reports = new File(basedir, 'target/kaltura-reports')

exists(new File(reports, 'rooms.csv'))
exists(new File(reports, 'check/summary.json'))
contains(log, 'Maven is offline (-o)', 'kaltura-report:check, which works offline')
assert log.count('BUILD SUCCESS') == 2 : 'the online fetch and the offline check should both pass'
true
