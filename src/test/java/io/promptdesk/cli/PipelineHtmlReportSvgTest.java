package io.promptdesk.cli;

import io.promptdesk.engine.pipeline.PipelineReport;
import io.promptdesk.engine.pipeline.PipelineStatus;
import io.promptdesk.engine.rollout.RolloutEvent;
import io.promptdesk.engine.rollout.RolloutEventKind;
import io.promptdesk.engine.rollout.RolloutStatus;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.promptdesk.cli.SvgDoc.num;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The HTML report's charts read back as SVG: well-formed, every mark inside the view box, one mark per datum, and
 * positions that follow the data.
 */
class PipelineHtmlReportSvgTest {

    private static final String NAME = "hooks <&\"> 'x'";
    private static final String SUITE = "tpl <b>&amp;\"q\"";
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    // Baseline mostly fast, current mostly slow: 1 ms x6, 2 ms x3, 3 ms x1 against 2 ms x1, 3 ms x3, 4 ms x6.
    private static final double[] BASELINE = {1, 1, 1, 1, 1, 1, 2, 2, 2, 3};
    private static final double[] CURRENT = {2, 3, 3, 3, 4, 4, 4, 4, 4, 4};

    @Test
    void everySvgIsWellFormedNamespacedWithAViewBoxAndDrawsOnlyInsideIt() throws SAXException {
        List<String> svgs = SvgDoc.extract(render(report(BASELINE, CURRENT, events())));

        assertThat(svgs).hasSize(2);
        for (String svg : svgs) {
            SvgDoc doc = SvgDoc.parse(svg);
            assertThat(doc.viewBox).containsExactly(0, 0, 640, 240);
            assertThat(doc.drawnPoints()).isNotEmpty()
                    .allSatisfy(p -> assertThat(doc.inside(p[0], p[1])).as("(%s, %s)", p[0], p[1]).isTrue());
        }
    }

    @Test
    void histogramCountsEveryCaseOncePerSeriesAndLargerCountsDrawTallerBars() throws SAXException {
        SvgDoc doc = SvgDoc.parse(SvgDoc.extract(render(report(BASELINE, CURRENT, events()))).get(0));
        Axes axes = Axes.of(doc);

        List<Element> baseline = bars(doc, SvgCharts.BASELINE_COLOUR);
        List<Element> current = bars(doc, SvgCharts.CURRENT_COLOUR);

        // 1, 2 and 3 ms for the baseline, 2, 3 and 4 ms for the current times: three bins each, left to right
        assertThat(baseline.stream().map(axes::count).toList()).containsExactly(6L, 3L, 1L);
        assertThat(current.stream().map(axes::count).toList()).containsExactly(1L, 3L, 6L);
        assertThat(baseline).allSatisfy(b -> assertThat(num(b, "y") + num(b, "height")).isCloseTo(axes.bottom,
                within(0.1)));
        // the same time falls in the same bin whichever series it is in
        assertThat(num(current.get(0), "x")).isEqualTo(num(baseline.get(1), "x"));
        assertThat(num(current.get(1), "x")).isEqualTo(num(baseline.get(2), "x"));
        // slower cases are drawn further right
        assertThat(centre(current)).isGreaterThan(centre(baseline));
        assertThat(axes.xTicks).isSortedAccordingTo(Comparator.naturalOrder());
    }

    @Test
    void theLegendNamesEachSeriesAndCoversNoBar() throws SAXException {
        SvgDoc doc = SvgDoc.parse(SvgDoc.extract(render(report(BASELINE, CURRENT, events()))).get(0));

        List<Element> legend = doc.all("rect").stream().filter(r -> !r.hasAttribute("fill-opacity")).toList();
        List<String> texts = doc.all("text").stream().map(Element::getTextContent).toList();

        assertThat(texts).contains("baseline (n 10, mean 1.50 ms)", "current (n 10, mean 3.50 ms)",
                "execution time (ms); the last bin holds slower cases too", "cases");
        assertThat(legend).hasSize(2);
        double legendBottom = legend.stream().mapToDouble(r -> num(r, "y") + num(r, "height")).max().orElseThrow();
        double legendLeft = legend.stream().mapToDouble(r -> num(r, "x")).min().orElseThrow();
        for (Element bar : doc.all("rect").stream().filter(r -> r.hasAttribute("fill-opacity")).toList()) {
            boolean under = num(bar, "x") + num(bar, "width") > legendLeft && num(bar, "y") < legendBottom + 4;
            assertThat(under).as("bar at x %s, y %s under the legend", bar.getAttribute("x"), bar.getAttribute("y"))
                    .isFalse();
        }
    }

    @Test
    void aColdFirstCaseGoesToTheLastBinAndIsStillCounted() throws SAXException {
        double[] current = {500, 10, 10, 11, 11, 11, 12, 12, 13, 14};
        SvgDoc doc = SvgDoc.parse(SvgDoc.extract(render(report(new double[]{10, 11}, current, List.of()))).get(0));
        Axes axes = Axes.of(doc);

        List<Element> bars = bars(doc, SvgCharts.CURRENT_COLOUR);

        assertThat(bars.stream().mapToLong(axes::count).sum()).isEqualTo(current.length);
        assertThat(bars(doc, SvgCharts.BASELINE_COLOUR).stream().mapToLong(axes::count).sum()).isEqualTo(2);
        // 500 ms is far beyond the 95th percentile (14 ms) that ends the axis: it joins 14 ms in the last bin
        Element xAxis = doc.all("line").stream().filter(l -> num(l, "y1") == num(l, "y2")).findFirst().orElseThrow();
        Element last = bars.get(bars.size() - 1);
        assertThat(num(last, "x") + num(last, "width")).isCloseTo(num(xAxis, "x2") - 1, within(0.2));
        assertThat(axes.count(last)).isEqualTo(2);
        assertThat(doc.drawnPoints()).allSatisfy(p -> assertThat(doc.inside(p[0], p[1])).isTrue());
    }

    @Test
    void rolloutPlotsOnePointPerEventAtItsTimeAndPercentage() throws SAXException {
        List<RolloutEvent> events = events();
        SvgDoc doc = SvgDoc.parse(SvgDoc.extract(render(report(BASELINE, CURRENT, events))).get(1));
        Axes axes = Axes.of(doc);

        List<Element> points = doc.all("circle");

        assertThat(points).hasSize(events.size());
        double span = Duration.between(T0, events.get(events.size() - 1).at()).toMillis();
        double left = num(points.get(0), "cx");
        double width = num(points.get(points.size() - 1), "cx") - left;
        double height = axes.bottom - axes.top;
        for (int i = 0; i < events.size(); i++) {
            RolloutEvent e = events.get(i);
            Element c = points.get(i);
            assertThat((num(c, "cx") - left) / width).as("x of event %s", i)
                    .isCloseTo(Duration.between(T0, e.at()).toMillis() / span, within(0.002));
            assertThat((axes.bottom - num(c, "cy")) / height).as("y of event %s", i)
                    .isCloseTo(e.toPercentage() / 100.0, within(0.002));
            assertThat(c.getAttribute("fill")).isEqualTo(e.toStatus() == RolloutStatus.ROLLED_BACK ? "#d62728"
                    : SvgCharts.BASELINE_COLOUR);
        }
        // the path passes through every point, in order
        List<double[]> path = SvgDoc.pathPoints(doc.all("path").get(0));
        for (Element c : points) {
            assertThat(path).anySatisfy(p -> assertThat(p).containsExactly(num(c, "cx"), num(c, "cy")));
        }
        assertThat(path.stream().mapToDouble(p -> p[0]).toArray()).isSorted();
        assertThat(doc.all("text").stream().map(Element::getTextContent))
                .contains("minutes since the rollout started (clock time)", "% of traffic");
    }

    @Test
    void aRolloutThatHasOnlyStartedSpansAtLeastASecond() throws SAXException {
        SvgDoc doc = SvgDoc.parse(SvgDoc.extract(render(report(BASELINE, CURRENT, events().subList(0, 1)))).get(1));

        List<Double> ticks = Axes.of(doc).xTicks;

        assertThat(doc.all("circle")).hasSize(1);
        assertThat(ticks.get(ticks.size() - 1)).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void escapedTextRoundTripsThroughTheParser() throws SAXException {
        String html = render(report(BASELINE, CURRENT, events()));
        SvgDoc stages = SvgDoc.parse(SvgDoc.extract(html).get(1));

        assertThat(SvgDoc.parse(SvgDoc.extract(html).get(0)).title())
                .isEqualTo("Distribution of per-case execution times, baseline and current");
        assertThat(stages.all("title").stream().skip(1).map(Element::getTextContent)).containsExactly(
                "started: in_progress at 10% (2026-03-01T10:00:00Z)",
                "advanced: in_progress at 25% (2026-03-01T10:05:00Z)",
                "advanced: in_progress at 50% (2026-03-01T10:10:00Z)",
                "paused: paused at 50% (2026-03-01T10:12:00Z)",
                "rolled_back: rolled_back at 0% (2026-03-01T10:15:00Z)");
        // The page around the charts is HTML, not XML: its elements with the names are read one by one.
        assertThat(SvgDoc.parseXml(element(html, "h1")).getTextContent())
                .isEqualTo("Pipeline pl-1: " + NAME + " 1.1 rolled_back");
        assertThat(SvgDoc.parseXml(element(html, "title")).getTextContent())
                .isEqualTo("PromptDesk pipeline " + NAME + " 1.1");
        assertThat(SvgDoc.parseXml(element(html, "code")).getTextContent()).isEqualTo(SUITE);
    }

    @Test
    void anEmptyRunDrawsTwoChartsThatSaySoAndPlotNothing() throws SAXException {
        List<String> svgs = SvgDoc.extract(render(report(new double[0], new double[0], List.of())));

        assertThat(svgs).hasSize(2);
        List<String> messages = new ArrayList<>();
        for (String svg : svgs) {
            SvgDoc doc = SvgDoc.parse(svg);
            assertThat(doc.all("rect")).isEmpty();
            assertThat(doc.all("circle")).isEmpty();
            assertThat(doc.all("text")).singleElement()
                    .satisfies(t -> assertThat(doc.inside(num(t, "x"), num(t, "y"))).isTrue());
            messages.add(doc.all("text").get(0).getTextContent());
        }
        assertThat(messages).containsExactly("no execution times", "no rollout");
    }

    /** A rollout paused at 50% and rolled back 15 minutes after it started. */
    private static List<RolloutEvent> events() {
        return List.of(
                event(1, 0, RolloutEventKind.STARTED, null, RolloutStatus.IN_PROGRESS, 10),
                event(2, 5, RolloutEventKind.ADVANCED, RolloutStatus.IN_PROGRESS, RolloutStatus.IN_PROGRESS, 25),
                event(3, 10, RolloutEventKind.ADVANCED, RolloutStatus.IN_PROGRESS, RolloutStatus.IN_PROGRESS, 50),
                event(4, 12, RolloutEventKind.PAUSED, RolloutStatus.IN_PROGRESS, RolloutStatus.PAUSED, 50),
                event(5, 15, RolloutEventKind.ROLLED_BACK, RolloutStatus.PAUSED, RolloutStatus.ROLLED_BACK, 0));
    }

    private static RolloutEvent event(long seq, int minute, RolloutEventKind kind, RolloutStatus from,
                                      RolloutStatus to, int percentage) {
        return new RolloutEvent("ro-1", seq, T0.plus(Duration.ofMinutes(minute)), "ci", kind, from, to, null,
                percentage, 0, false, "reason <&>");
    }

    private static PipelineReport report(double[] baseline, double[] current, List<RolloutEvent> events) {
        return new PipelineReport("pl-1", NAME, "1.1", PipelineStatus.ROLLED_BACK, null, "rolled back <now>",
                "2026-03-01T10:00:00Z", "2026-03-01T10:15:00Z", List.of(), null, null, null, baseline, current,
                null, null, events, null);
    }

    private static String render(PipelineReport r) {
        return new PipelineHtmlReport(SUITE).render(r);
    }

    /** The first {@code <name>...</name>} of the page. */
    private static String element(String html, String name) {
        Matcher m = Pattern.compile("<" + name + "\\b.*?</" + name + ">", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as(name).isTrue();
        return m.group();
    }

    /** A series' bars, left to right. */
    private static List<Element> bars(SvgDoc doc, String colour) {
        return doc.all("rect").stream()
                .filter(r -> r.hasAttribute("fill-opacity") && colour.equals(r.getAttribute("fill")))
                .sorted(Comparator.comparingDouble(r -> num(r, "x"))).toList();
    }

    /** The bars' x centre weighted by height. */
    private static double centre(List<Element> bars) {
        double sum = 0;
        double weight = 0;
        for (Element b : bars) {
            sum += (num(b, "x") + num(b, "width") / 2) * num(b, "height");
            weight += num(b, "height");
        }
        return sum / weight;
    }

    /** The plot's axes as drawn: the y axis line's ends, its top label's value, the x labels' values. */
    private record Axes(double top, double bottom, double yMax, List<Double> xTicks) {
        static Axes of(SvgDoc doc) {
            Element y = doc.all("line").stream().filter(l -> num(l, "x1") == num(l, "x2")).findFirst().orElseThrow();
            double top = Math.min(num(y, "y1"), num(y, "y2"));
            double bottom = Math.max(num(y, "y1"), num(y, "y2"));
            double yMax = doc.all("text").stream().filter(t -> "end".equals(t.getAttribute("text-anchor")))
                    .min(Comparator.comparingDouble(t -> num(t, "y")))
                    .map(t -> Double.parseDouble(t.getTextContent())).orElseThrow();
            List<Double> xTicks = doc.all("text").stream().filter(t -> num(t, "y") == bottom + 14)
                    .sorted(Comparator.comparingDouble(t -> num(t, "x")))
                    .map(t -> Double.parseDouble(t.getTextContent())).toList();
            return new Axes(top, bottom, yMax, xTicks);
        }

        /** The count a bar's height stands for. */
        long count(Element bar) {
            return Math.round(num(bar, "height") / (bottom - top) * yMax);
        }
    }
}
