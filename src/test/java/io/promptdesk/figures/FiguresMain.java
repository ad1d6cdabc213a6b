package io.promptdesk.figures;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.openjdk.jmh.util.Version;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Rewrites README's measured block from a run's results (bench/figures.sh calls it):
 * {@code FiguresMain --readme README.md --spec bench/figures.yaml --results target/bench --pom pom.xml
 * [--load 1.5] [--jmh-args "-f 1 ..."]}.
 */
public final class FiguresMain {

    private FiguresMain() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = options(args);
        Path readme = Path.of(required(opts, "--readme"));
        FigureSpec spec = FigureSpec.load(Path.of(required(opts, "--spec")));
        Measurements measurements = Measurements.read(Path.of(required(opts, "--results")), new ObjectMapper());
        FiguresGenerator.Run run = new FiguresGenerator.Run(LocalDate.now(ZoneOffset.UTC), Machine.fromSystem(),
                pomVersion(Path.of(required(opts, "--pom"))),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                Version.getPlainVersion(), opts.getOrDefault("--load", ""), opts.getOrDefault("--jmh-args", ""));
        String before = Files.readString(readme, StandardCharsets.UTF_8);
        FiguresGenerator.Result result = new FiguresGenerator(spec).generate(before, measurements, run);
        Files.writeString(readme, result.readme(), StandardCharsets.UTF_8);
        // A tool's report to the person who ran it, like the other bench mains.
        System.err.printf("figures: %d rows measured, %d kept from before%s%n", result.measured().size(),
                result.carried().size(), result.carried().isEmpty() ? "" : ": " + String.join("; ", result.carried()));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + String.join(" ", args));
            }
            opts.put(args[i], args[i + 1]);
        }
        return opts;
    }

    private static String required(Map<String, String> opts, String name) {
        String v = opts.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return v;
    }

    /** The project's own version: the {@code <version>} directly under {@code <project>}. */
    static String pomVersion(Path pom) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setNamespaceAware(true);
            Document doc = factory.newDocumentBuilder().parse(pom.toFile());
            for (Node n = doc.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
                if ("version".equals(n.getLocalName())) {
                    return n.getTextContent().strip();
                }
            }
            throw new IOException(pom + " has no project version");
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot read " + pom + ": " + e.getMessage(), e);
        }
    }
}
