import static io.github.kalturareport.maven.it.ItChecks.*
import io.github.kalturareport.maven.it.ItSimulator

ItSimulator.stop(basedir)
String log = buildLog(basedir)
File reports = new File(basedir, 'target/kaltura-reports')

contains(log, 'retry', 'BUILD SUCCESS')
def manifest = new groovy.json.JsonSlurper().parse(new File(reports, 'manifest.json'))
for (name in ['rooms', 'attendees']) {
    File csv = new File(reports, name + '.csv')
    exists(csv)
    assert manifest.toString().contains(Long.toString(dataRows(csv))) : "$name: the manifest does not record ${dataRows(csv)} rows: $manifest"
}
assert fileNames(reports).every { it.endsWith('.csv') || it == 'manifest.json' } : "stray files: ${fileNames(reports)}"
true
