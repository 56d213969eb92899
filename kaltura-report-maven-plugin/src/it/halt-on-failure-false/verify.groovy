import static io.github.kalturareport.maven.it.ItChecks.*
import io.github.kalturareport.maven.it.ItSimulator

ItSimulator.stop(basedir)
String log = buildLog(basedir)
File reports = new File(basedir, 'target/kaltura-reports')

contains(log, '[ERROR] ', 'attendees:count(user_id)', '1 threshold breached; haltOnFailure=false, so the build continues.', 'BUILD SUCCESS')
exists(new File(reports, 'check/TEST-kaltura-thresholds.xml'))
true
