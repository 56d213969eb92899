import static io.github.kalturareport.maven.it.ItChecks.*
import io.github.kalturareport.maven.it.ItSimulator

ItSimulator.stop(basedir)
String log = buildLog(basedir)
File reports = new File(basedir, 'target/kaltura-reports')

File csv = new File(reports, 'attendees.csv')
exists(csv)
long rows = dataRows(csv)
assert rows > 500 : "only $rows rows: the range was not split past the cap"
def line = log.readLines().find { it.contains('attendees: ') && it.contains(' windows') }
assert line != null : 'no summary line for attendees'
assert !(line =~ /, 1 window,/) : "expected several windows: $line"
List<String> lines = csv.readLines('UTF-8').drop(1)
assert lines.size() == lines.toSet().size() : 'duplicate rows after splitting'
true
