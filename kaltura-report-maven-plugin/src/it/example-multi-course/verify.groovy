import static io.github.kalturareport.maven.it.ItChecks.*

String log = buildLog(basedir)
for (course in ['algebra-101', 'biology-201']) {
    File dir = new File(basedir, "target/kaltura-reports/$course")
    exists(new File(dir, 'rooms.csv'))
    exists(new File(dir, 'attendees.csv'))
    absent(new File(dir, 'breakouts.csv'))
    exists(new File(dir, 'check/TEST-kaltura-thresholds.xml'))
    exists(new File(dir, 'check/report.html'))
    // each course's rooms only: its two entry ids
    Set ids = new File(dir, 'rooms.csv').readLines('UTF-8').drop(1).collect { it.split(',')[0] } as Set
    assert ids.size() == 2 : "$course: expected the rows of its two rooms, got $ids"
}
contains(log, 'SIMULATED DATA', '(algebra-101)', '(biology-201)', 'Algebra 101: mean engagement',
        'Biology 201: engagement per room', 'BUILD SUCCESS')
lacks(log, 'threshold breached', 'thresholds breached')
true
