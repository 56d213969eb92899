import static io.github.kalturareport.maven.it.ItChecks.*

String log = buildLog(basedir)
contains(log, 'Skipping kaltura-report:fetch (skip=true).', 'Skipping kaltura-report:check (skip=true).', 'BUILD SUCCESS')
absent(new File(basedir, 'target/kaltura-reports'))
true
