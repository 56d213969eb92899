import io.github.kalturareport.maven.it.ItExamples
import io.github.kalturareport.maven.it.ItSimulator

ItExamples.useExample(basedir, 'scheduled-archive')
// The folder an administrator creates once on the agent (the Jenkinsfile's comment); empty, as before the first build.
File agentDir = new File(KALTURA_ARCHIVE_DIR)
agentDir.deleteDir()
agentDir.mkdirs()
ItSimulator.start(basedir, new File(simulatorJar))
// The second run starts at the watermark minus the lookback. The simulator's sessions are days apart, so the
// default day would often hold none: a lookback over the first run's whole range makes the second run fetch every
// row again, and the archive must keep each once, unchanged.
io.github.kalturareport.maven.it.ItSimulator.passToBuild(basedir.toPath(), '-Dkaltura.lookback=P31D')
true
