import static io.github.kalturareport.maven.it.ItChecks.*
import io.github.kalturareport.maven.it.ItArchive
import io.github.kalturareport.maven.it.ItSimulator

ItSimulator.stop(basedir)
String log = buildLog(basedir)
ItArchive.twoRuns(basedir, { sql -> ItArchive.postgres(sql) } as ItArchive.Sql)
absent(new File(basedir, 'kaltura-archive/kaltura.db'))
contains(log, 'Archive credentials from environment variables KALTURA_ARCHIVE_USER and KALTURA_ARCHIVE_PASSWORD',
        'BUILD SUCCESS')
lacks(log, 'BUILD FAILURE')
// the manifest names the server and the user, never the password
String manifest = new File(basedir, 'target/kaltura-reports/algebra-101/manifest.json').getText('UTF-8')
contains(manifest, System.getenv(ItArchive.URL), System.getenv(ItArchive.USER))
noSecrets(basedir, 'simulator-secret', System.getenv(ItArchive.PASSWORD))
true
