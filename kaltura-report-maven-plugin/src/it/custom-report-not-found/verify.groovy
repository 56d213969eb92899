import static io.github.kalturareport.maven.it.ItChecks.*
import io.github.kalturareport.maven.it.ItSimulator

ItSimulator.stop(basedir)
String log = buildLog(basedir)
File reports = new File(basedir, 'target/kaltura-reports')

contains(log, 'REPORT_NOT_FOUND', '9999', 'BUILD FAILURE')
absent(new File(reports, 'report-9999.csv'))
true
