import static io.github.kalturareport.maven.it.ItChecks.*
import io.github.kalturareport.maven.it.ItSimulator

ItSimulator.stop(basedir)
String log = buildLog(basedir)
File reports = new File(basedir, 'target/kaltura-reports')

contains(log, 'webinars', 'userIds', '2025-13-45', 'avg(engagement)')
contains(log, "A secret was given as the parameter 'adminSecret'", 'KALTURA_ADMIN_SECRET')
assert log.count('BUILD FAILURE') == 5 : 'each bad configuration must fail its build'
noSecrets(basedir, 'cli-secret-0815')
noRequests(basedir)
true
