import static io.github.kalturareport.maven.it.ItChecks.*
import io.github.kalturareport.maven.it.ItSimulator

ItSimulator.stop(basedir)
String log = buildLog(basedir)
File reports = new File(basedir, 'target/kaltura-reports')

exists(new File(reports, 'rooms.csv'))
contains(log, 'BUILD SUCCESS')
noSecrets(basedir, 'simulator-secret', 'CLI+NGLnzHYHQ9IifZbURtRw8')
true
