import static io.github.kalturareport.maven.it.ItChecks.*

String log = buildLog(basedir)
contains(log, 'kaltura-report:fetch', 'kaltura-report:check', 'kaltura-report:help',
        'User property: kaltura.serviceUrl', 'User property: kaltura.rules', 'User property: kaltura.haltOnFailure',
        'Default: rooms,attendees,breakouts', 'Default: LAST_30_DAYS', 'KALTURA_ADMIN_SECRET', 'thresholds')
true
