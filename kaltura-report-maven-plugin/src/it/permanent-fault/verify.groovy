import static io.github.kalturareport.maven.it.ItChecks.*
import io.github.kalturareport.maven.it.ItSimulator

ItSimulator.stop(basedir)
String log = buildLog(basedir)
File reports = new File(basedir, 'target/kaltura-reports')

contains(log, '503', 'BUILD FAILURE')
assert fileNames(reports).isEmpty() : "files left behind: ${fileNames(reports)}"
true
