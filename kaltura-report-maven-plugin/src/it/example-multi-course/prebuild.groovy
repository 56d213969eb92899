import io.github.kalturareport.maven.it.ItExamples

ItExamples.useExample(basedir, 'multi-course')
true
