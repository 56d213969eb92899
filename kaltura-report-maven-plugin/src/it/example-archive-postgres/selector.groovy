import io.github.kalturareport.maven.it.ItArchive

// false (skipped, with a warning) without a PostgreSQL server, an error when CI=true
return ItArchive.postgresConfigured()
