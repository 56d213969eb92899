import static io.github.kalturareport.maven.it.ItChecks.*
import io.github.kalturareport.maven.it.ItSimulator

ItSimulator.stop(basedir)
String log = buildLog(basedir)
List<String> courses = new File(basedir, '.simulator/courses').readLines()
contains(log, 'BUILD SUCCESS', 'course-a', 'course-b')
['course-a', 'course-b'].eachWithIndex { module, i ->
    File reports = new File(basedir, module + '/target/kaltura-reports')
    for (name in ['rooms', 'attendees']) {
        File csv = new File(reports, name + '.csv')
        exists(csv)
        List<String> rows = csv.readLines('UTF-8').drop(1)
        assert !rows.isEmpty() : "$csv has no rows"
        assert rows.every { it.contains(courses[i]) } : "$csv holds rows of another course"
    }
    exists(new File(reports, 'check/summary.json'))
}
noSecrets(basedir, 'simulator-secret')
true
