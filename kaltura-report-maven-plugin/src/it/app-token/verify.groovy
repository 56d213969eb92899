import static io.github.kalturareport.maven.it.ItChecks.*
import io.github.kalturareport.maven.it.ItSimulator

ItSimulator.stop(basedir)
String log = buildLog(basedir)
File reports = new File(basedir, 'target/kaltura-reports')

exists(new File(reports, 'rooms.csv'))
exists(new File(reports, 'breakouts.csv'))
contains(log, 'BUILD SUCCESS')
noSecrets(basedir, 'it-app-token-value-0123456789', 'simulator-secret')
true
