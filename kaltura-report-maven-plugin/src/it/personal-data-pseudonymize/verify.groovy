import static io.github.kalturareport.maven.it.ItChecks.*
import io.github.kalturareport.maven.it.ItSimulator
import javax.crypto.Mac
import javax.crypto.spec.SecretKeySpec

ItSimulator.stop(basedir)
String log = buildLog(basedir)
File reports = new File(basedir, 'target/kaltura-reports')
String key = 'it-pseudonym-key-0123456789abcdef'

contains(log, "Pseudonym key from settings.xml server 'kaltura-pseudonym'", 'BUILD SUCCESS')

// Every personal value is p_ and the first 16 hex characters of HMAC-SHA256(key, value), computed here.
Mac mac = Mac.getInstance('HmacSHA256')
mac.init(new SecretKeySpec(key.getBytes('UTF-8'), 'HmacSHA256'))
List<String> lines = new File(reports, 'attendees.csv').readLines('UTF-8')
assert lines[0].startsWith('entry_id,cue_point_id,user_id,user_name,user_email,')
assert lines.size() > 2
int checked = 0
for (String line : lines.drop(1)) {
    def cells = line.split(',', -1)
    assert cells[3] ==~ /p_[0-9a-f]{16}/ : line
    // The simulator's address is the user id at example.edu: its pseudonym must be that address's HMAC.
    String address = cells[2] + '@example.edu'
    assert cells[4] == 'p_' + mac.doFinal(address.getBytes('UTF-8')).encodeHex().toString().substring(0, 16) : line
    checked++
}
assert checked > 1
List<String> rooms = new File(reports, 'rooms.csv').readLines('UTF-8')
assert rooms[0].contains('session_host_user_id')
assert !new File(reports, 'attendees.csv').getText('UTF-8').contains('@')

// What travels holds no address; the key and its encrypted form appear nowhere.
for (f in ['TEST-kaltura-thresholds.xml', 'summary.md', 'summary.json', 'report.html']) {
    String text = new File(reports, 'check/' + f).getText('UTF-8')
    assert !(text =~ /[\p{L}\p{N}._%+'-]@/) : f
}
contains(new File(reports, 'check/summary.json').getText('UTF-8'), '"group" : "user_email=p_')
String manifest = new File(reports, 'manifest.json').getText('UTF-8')
contains(manifest, '"personalData" : "pseudonymize"')
noSecrets(basedir, key, 'IfPUCKmPvewHvwZnFOkdTKKZTBzYSfsTJKEmWtOLh4t8oWhv4Bsncp49yiBCdFAg')
true
