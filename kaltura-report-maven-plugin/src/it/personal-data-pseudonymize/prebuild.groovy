import io.github.kalturareport.maven.it.ItSimulator

ItSimulator.start(basedir, new File(simulatorJar))

// Where Maven finds the master password that decrypts the key: the IT's own settings-security.xml.
ItSimulator.passToBuild(basedir.toPath(), '-Dsettings.security=' + new File(basedir, 'settings-security.xml').absolutePath)
true
