import io.github.kalturareport.maven.it.ItSimulator
import io.github.kalturareport.simulator.KalturaSimulator

String url = ItSimulator.start(basedir, new File(simulatorJar))
// The simulator serves the Reports microservice on the same port.
ItSimulator.passToBuild(basedir.toPath(), '-Dkaltura.reportsServiceUrl=' + url)
// The CLI's data set is the builder's default one (seed 42): the same virtual events, which reactions (4021) needs.
KalturaSimulator twin = KalturaSimulator.builder().start()
try {
    ItSimulator.passToBuild(basedir.toPath(), '-Dkaltura.virtualEventIds=' + twin.virtualEventIds().join(','))
} finally {
    twin.close()
}
true
