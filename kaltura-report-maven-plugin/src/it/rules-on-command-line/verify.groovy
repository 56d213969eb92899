import static io.github.kalturareport.maven.it.ItChecks.*
import io.github.kalturareport.maven.it.ItSimulator

ItSimulator.stop(basedir)
String log = buildLog(basedir)
File reports = new File(basedir, 'target/kaltura-reports')

contains(log, 'rooms:count(entry_id)', 'attendees:mean(engagement)', 'attendees:max(engagement)', 'BUILD SUCCESS')
lacks(log, 'count(user_id)')
true
