import io.github.kalturareport.maven.it.ItExamples

ItExamples.useExample(basedir, 'scheduled-archive')
// the example's comment: mkdir -p examples/scheduled-archive/kaltura-archive
new File(basedir, 'kaltura-archive').mkdirs()
// The second run starts at the watermark minus the lookback. The simulator's sessions are days apart, so the
// default day would often hold none: a lookback over the first run's whole range makes the second run fetch every
// row again, and the archive must keep each once, unchanged.
io.github.kalturareport.maven.it.ItSimulator.passToBuild(basedir.toPath(), '-Dkaltura.lookback=P31D')
true
