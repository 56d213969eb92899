import io.github.kalturareport.maven.it.ItSimulator

ItSimulator.start(basedir, new File(simulatorJar))
true
