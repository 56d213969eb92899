import static io.github.kalturareport.maven.it.ItChecks.*
import io.github.kalturareport.maven.it.ItSimulator

ItSimulator.stop(basedir)
String log = buildLog(basedir)
File reports = new File(basedir, 'target/kaltura-reports')

contains(log, 'webinars', 'userIds', '2025-13-45', 'avg(engagement)')
assert log.count('BUILD FAILURE') == 4 : 'each bad configuration must fail its build'
noRequests(basedir)
true
