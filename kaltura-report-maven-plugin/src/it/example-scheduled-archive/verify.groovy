import static io.github.kalturareport.maven.it.ItChecks.*
import io.github.kalturareport.maven.it.ItArchive

String log = buildLog(basedir)
File db = new File(basedir, 'kaltura-archive/kaltura.db')
// both runs: the first a backfill, the second incremental from the archive's watermark
contains(log, 'SIMULATED DATA', '(algebra-101)', '(biology-201)', 'Algebra 101: mean engagement')
lacks(log, 'BUILD FAILURE', 'threshold breached', 'thresholds breached')
ItArchive.twoRuns(basedir, { sql -> ItArchive.sqlite(db, sql) } as ItArchive.Sql)
true
