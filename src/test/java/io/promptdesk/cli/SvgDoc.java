package io.promptdesk.cli;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One inline SVG of the HTML report parsed as namespaced XML, with the geometry of what it draws. */
final class SvgDoc {
    static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final Pattern SVG = Pattern.compile("<svg\\b.*?</svg>", Pattern.DOTALL);
    private static final Pattern PATH_POINT = Pattern.compile("[ML]\\s*(-?[0-9.]+),(-?[0-9.]+)");

    final Element root;
    /** min-x, min-y, width, height. */
    final double[] viewBox;

    private SvgDoc(Element root, double[] viewBox) {
        this.root = root;
        this.viewBox = viewBox;
    }

    /** Every {@code <svg>...</svg>} in the page, in order: HTML is not XML, but each SVG must be. */
    static List<String> extract(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = SVG.matcher(html);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** @throws SAXException unless {@code xml} is well-formed */
    static Element parseXml(String xml) throws SAXException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
            return doc.getDocumentElement();
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static SvgDoc parse(String svg) throws SAXException {
        Element root = parseXml(svg);
        if (!SVG_NS.equals(root.getNamespaceURI()) || !"svg".equals(root.getLocalName())) {
            throw new IllegalArgumentException("not an SVG root: {" + root.getNamespaceURI() + "}" + root.getLocalName());
        }
        double[] box = Arrays.stream(root.getAttribute("viewBox").strip().split("[\\s,]+"))
                .mapToDouble(Double::parseDouble).toArray();
        if (box.length != 4 || box[2] <= 0 || box[3] <= 0) {
            throw new IllegalArgumentException("bad viewBox: " + root.getAttribute("viewBox"));
        }
        return new SvgDoc(root, box);
    }

    List<Element> all(String localName) {
        NodeList nodes = root.getElementsByTagNameNS(SVG_NS, localName);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    static double num(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }

    boolean inside(double x, double y) {
        return x >= viewBox[0] && y >= viewBox[1] && x <= viewBox[0] + viewBox[2] && y <= viewBox[1] + viewBox[3];
    }

    /** Every corner, end, anchor and vertex the SVG draws at, as {x, y}. */
    List<double[]> drawnPoints() {
        List<double[]> points = new ArrayList<>();
        for (Element r : all("rect")) {
            double x = num(r, "x");
            double y = num(r, "y");
            points.add(new double[]{x, y});
            points.add(new double[]{x + num(r, "width"), y + num(r, "height")});
        }
        for (Element l : all("line")) {
            points.add(new double[]{num(l, "x1"), num(l, "y1")});
            points.add(new double[]{num(l, "x2"), num(l, "y2")});
        }
        for (Element c : all("circle")) {
            double r = num(c, "r");
            points.add(new double[]{num(c, "cx") - r, num(c, "cy") - r});
            points.add(new double[]{num(c, "cx") + r, num(c, "cy") + r});
        }
        for (Element p : all("path")) {
            points.addAll(pathPoints(p));
        }
        for (Element t : all("text")) {
            points.add(new double[]{num(t, "x"), num(t, "y")});
        }
        return points;
    }

    /** The vertices of a path of absolute M and L commands. */
    static List<double[]> pathPoints(Element path) {
        List<double[]> points = new ArrayList<>();
        Matcher m = PATH_POINT.matcher(path.getAttribute("d"));
        while (m.find()) {
            points.add(new double[]{Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
        }
        return points;
    }

    /** The text of the SVG's first {@code <title>}: its accessible name. */
    String title() {
        return all("title").get(0).getTextContent();
    }
}
