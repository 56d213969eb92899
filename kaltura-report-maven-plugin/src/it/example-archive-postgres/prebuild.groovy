import io.github.kalturareport.maven.it.ItArchive
import io.github.kalturareport.maven.it.ItExamples
import io.github.kalturareport.maven.it.ItSimulator

ItExamples.useExample(basedir, 'scheduled-archive')
// an empty warehouse, as before the job's first run
ItArchive.dropPostgresTables()
ItSimulator.start(basedir, new File(simulatorJar))
// The second run starts at the watermark minus the lookback. The simulator's sessions are days apart, so the
// default day would often hold none: a lookback over the first run's whole range makes the second run fetch every
// row again, and the archive must keep each once, unchanged.
io.github.kalturareport.maven.it.ItSimulator.passToBuild(basedir.toPath(), '-Dkaltura.lookback=P31D')
true
