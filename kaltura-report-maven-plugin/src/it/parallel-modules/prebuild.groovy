import io.github.kalturareport.maven.it.ItSimulator

ItSimulator.start(basedir, new File(simulatorJar))

// Two courses = two rooms of the simulator's data set, found through its API.
List<String> rooms = ItSimulator.entryIds(basedir, 2)
ItSimulator.passToBuild(basedir.toPath(), '-Dcourse.a=' + rooms[0])
ItSimulator.passToBuild(basedir.toPath(), '-Dcourse.b=' + rooms[1])
new File(basedir, '.simulator/courses').text = rooms.join('\n')
true
