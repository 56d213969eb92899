package io.github.kalturareport.core.check.output;

import io.github.kalturareport.core.check.RuleResult.OffendingRow;
import io.github.kalturareport.core.check.RuleResult.Verdict;
import io.github.kalturareport.core.check.RuleResult;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The results as JUnit XML in Surefire's layout (a {@code <testsuite>} root), which Jenkins' junit step,
 * dorny/test-reporter (java-junit) and mikepenz/action-junit-report read: one test case per rule and group,
 * classname {@code kaltura.thresholds.<report>}; a breached error rule has a {@code <failure>}; a rule without
 * data is {@code <skipped>}; a breached warning rule passes (warnings never fail) and says so in its
 * {@code <system-out>}.
 */
final class JunitXml {

    static final String SUITE = "kaltura-thresholds";

    private JunitXml() {
    }

    static void write(CheckReport report, Writer out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", SUITE);
            xml.writeAttribute("tests", Integer.toString(report.results().size()));
            xml.writeAttribute("failures", Long.toString(report.errors()));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", Long.toString(report.count(Verdict.NO_DATA)));
            xml.writeAttribute("time", seconds(report.results().stream().mapToDouble(RuleResult::seconds).sum()));
            xml.writeAttribute("timestamp", report.generatedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                    .toString().replace("Z", ""));
            xml.writeCharacters("\n  ");
            xml.writeStartElement("properties");
            property(xml, "inputDirectory", report.settings().inputDirectory().toString());
            property(xml, "rules", Integer.toString(report.result().rules().size()));
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            for (RuleResult r : report.results()) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("name", clean(r.group() == null ? r.label() : r.label() + " [" + r.group() + "]"));
                xml.writeAttribute("classname", "kaltura.thresholds." + r.rule().report().name());
                xml.writeAttribute("time", seconds(r.seconds()));
                if (r.isError()) {
                    xml.writeCharacters("\n    ");
                    xml.writeStartElement("failure");
                    xml.writeAttribute("message", clean(r.message()));
                    xml.writeAttribute("type", "ThresholdBreach");
                    xml.writeCharacters(clean(details(r)));
                    xml.writeEndElement();
                    xml.writeCharacters("\n  ");
                } else if (r.verdict() == Verdict.NO_DATA) {
                    xml.writeCharacters("\n    ");
                    xml.writeEmptyElement("skipped");
                    xml.writeAttribute("message", clean(r.message()));
                    xml.writeCharacters("\n  ");
                } else {
                    xml.writeCharacters("\n    ");
                    xml.writeStartElement("system-out");
                    xml.writeCharacters(clean((r.isWarning() ? "WARNING (severity warning, not a failure): " : "")
                            + details(r)));
                    xml.writeEndElement();
                    xml.writeCharacters("\n  ");
                }
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    private static String details(RuleResult r) {
        StringBuilder b = new StringBuilder(r.message()).append('\n')
                .append("rule: ").append(r.rule().text()).append('\n')
                .append("actual: ").append(r.actualText()).append('\n')
                .append(r.previous() == null ? "" : "previous: " + r.previousText() + "\nchange: " + r.changeText()
                        + "\n")
                .append("expected: ").append(r.expected()).append('\n')
                .append("rows: ").append(r.rows()).append('\n')
                .append("file: ").append(r.rule().report().fileName()).append('\n');
        for (OffendingRow row : r.offendingRows()) {
            b.append(row.text()).append('\n');
        }
        return b.toString();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", clean(value));
    }

    /** Drops characters XML 1.0 cannot hold (control characters a CSV cell might carry), so the file parses. */
    static String clean(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)).forEach(b::appendCodePoint);
        return b.toString();
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }
}
