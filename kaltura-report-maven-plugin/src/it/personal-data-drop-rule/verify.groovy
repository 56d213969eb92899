import static io.github.kalturareport.maven.it.ItChecks.*
import io.github.kalturareport.maven.it.ItSimulator

ItSimulator.stop(basedir)
String log = buildLog(basedir)

contains(log, 'user_email is personal data that the fetch drops (personalData=drop)', 'BUILD FAILURE')
noRequests(basedir)
absent(new File(basedir, 'target/kaltura-reports/attendees.csv'))
true
