import static io.github.kalturareport.maven.it.ItChecks.*
import io.github.kalturareport.maven.it.ItSimulator

ItSimulator.stop(basedir)
String log = buildLog(basedir)
File reports = new File(basedir, 'target/kaltura-reports')

for (name in ['chatTranscripts', 'chatModeration', 'reactions']) {
    File csv = new File(reports, name + '.csv')
    exists(csv)
    assert dataRows(csv) > 0 : "$csv has no rows"
    contains(log, "[INFO] $name: ")
    exists(new File(localRepositoryPath, "it/kaltura/service-reports/1.0/service-reports-1.0-kaltura-${name}.csv"))
}
String manifest = new File(reports, 'manifest.json').getText('UTF-8')
contains(manifest, '"groupChatTranscripts"', '"chatModeration"', '"reactions.csv"')
// One rule per report, each evaluated (per role; per room, entry_id naming chatModeration's contextId) and passing.
contains(log, 'chatTranscripts:count(messageId) by userRole', 'userRole=attendee', 'userRole=host',
        'chatModeration:sum(userMessages) by contextId', 'contextId=1_', 'reactions:mean(total_reactions_activity)',
        'BUILD SUCCESS')
lacks(log, 'thresholds breached', 'threshold breached')
// The microservice's requests carried the KS in the Authorization header, never as a parameter.
List<String> service = requests(basedir).findAll { it.contains('/api/v1/report/') }
assert service.size() >= 6 : "expected generate, status and download calls: $service"
assert service.every { it.contains('"authorization":true') && !it.contains('"ks"') } : service
// What travels holds no message, name or e-mail address.
for (f in ['summary.md', 'summary.json', 'report.html', 'TEST-kaltura-thresholds.xml']) {
    String text = new File(reports, 'check/' + f).getText('UTF-8')
    lacks(text, '@example.edu')
}
noSecrets(basedir, 'simulator-secret')
true
