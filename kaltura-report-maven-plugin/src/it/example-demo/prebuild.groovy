import io.github.kalturareport.maven.it.ItExamples

ItExamples.useExample(basedir, 'demo')
true
