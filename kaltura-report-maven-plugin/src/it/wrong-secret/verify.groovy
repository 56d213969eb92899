import static io.github.kalturareport.maven.it.ItChecks.*
import io.github.kalturareport.maven.it.ItSimulator

ItSimulator.stop(basedir)
String log = buildLog(basedir)
File reports = new File(basedir, 'target/kaltura-reports')

contains(log, 'INVALID_KS', 'BUILD FAILURE')
assert fileNames(reports).every { !it.endsWith('.csv') } : "CSV files written: ${fileNames(reports)}"
noSecrets(basedir, 'wrong-secret-4711', 'simulator-secret')
true
