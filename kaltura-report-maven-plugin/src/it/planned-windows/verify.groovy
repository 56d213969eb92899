import static io.github.kalturareport.maven.it.ItChecks.*
import io.github.kalturareport.maven.it.ItSimulator

ItSimulator.stop(basedir)
String log = buildLog(basedir)
File csv = new File(basedir, 'target/kaltura-reports/attendees.csv')
exists(csv)

// The simulator's request log gives each report call's id and the rows it sent.
def calls = ItSimulator.requestLog(basedir).readLines().collect { new groovy.json.JsonSlurper().parseText(it) }
        .findAll { it.service == 'report' }
def attendeeCalls = calls.findAll { it.report == '6001' }
assert attendeeCalls.size() >= 10 && attendeeCalls.size() <= 15 : "${attendeeCalls.size()} attendee calls: $calls"
assert calls.findAll { it.report == '6000' }.size() == 1 : "expected one room data call: $calls"
// the whole year hits the cap once; the windows planned from room data all fit under it
assert attendeeCalls.count { it.rows >= 20000 } == 1 : "capped calls: $attendeeCalls"
long served = attendeeCalls.sum { it.rows }
assert served == 220000 : "served $served attendee rows"
def line = log.readLines().find { it.contains('attendees: 200,000 rows, ') }
assert line != null && line.contains("${attendeeCalls.size()} requests, 220,000 rows served") : "summary line: $line"

// One uncapped call of the same data gives the same bytes (the server sends a BOM the saved file does not keep).
File uncapped = new File(basedir, 'uncapped')
ItSimulator.start(uncapped, new File(simulatorJar))
try {
    byte[] body = ItSimulator.report(uncapped, 6001, 'from_date=1735689600;to_date=1767225599')
    byte[] expected = Arrays.copyOfRange(body, 3, body.length)
    assert Arrays.equals(csv.bytes, expected) : "attendees.csv (${csv.length()} bytes) differs from one uncapped call (${expected.length} bytes)"
} finally {
    ItSimulator.stop(uncapped)
}
true
