import io.github.kalturareport.maven.it.ItExamples
import io.github.kalturareport.maven.it.ItSimulator

ItExamples.useExample(basedir, 'multi-course')
ItSimulator.start(basedir, new File(simulatorJar))
true
