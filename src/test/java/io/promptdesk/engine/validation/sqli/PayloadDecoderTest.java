package io.promptdesk.engine.validation.sqli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PayloadDecoderTest {

    private final PayloadDecoder decoder = new PayloadDecoder();

    @Test
    void undoesDoubleUrlEncodingLayerByLayer() {
        List<DecodedView> views = decoder.decode("%2527%20OR%201=1", 0, 16);
        assertThat(views).extracting(DecodedView::text).containsExactly("%27 OR 1=1", "' OR 1=1");
        assertThat(views.get(1).layers()).isEqualTo("url+url");
    }

    @Test
    void mapsDecodedCharactersToOriginalOffsets() {
        String text = "ab%27cd";
        DecodedView view = decoder.decode(text, 0, text.length()).get(0);
        assertThat(view.text()).isEqualTo("ab'cd");
        assertThat(view.originOf(2)).isEqualTo(2);
        assertThat(view.originOf(3)).isEqualTo(5);
    }

    @Test
    void treatsPlusAsBlankOnlyInFormEncodedText() {
        assertThat(decoder.decode("1+UNION+SELECT+2", 0, 16)).extracting(DecodedView::text).containsExactly("1 UNION SELECT 2");
        assertThat(decoder.decode("1 + 1", 0, 5)).isEmpty();
    }

    @Test
    void decodesEntitiesEscapesUnicodeEscapesAndFullWidth() {
        assertThat(decoder.decode("&#39;&#x27;&quot;&apos;", 0, 23).get(0).text()).isEqualTo("''\"'");
        assertThat(decoder.decode("\\x27\\u0027", 0, 10).get(0).text()).isEqualTo("''");
        assertThat(decoder.decode("%u0027", 0, 6).get(0).text()).isEqualTo("'");
        assertThat(decoder.decode("\uff07\uff2f\uff32", 0, 3).get(0).text()).isEqualTo("'OR");
    }

    @Test
    void joinsKeywordsSplitByComments() {
        List<DecodedView> views = decoder.decode("UN/**/ION SEL/*x*/ECT", 0, 21);
        assertThat(views).extracting(DecodedView::text).containsExactly("UNION SELECT");
        assertThat(views.get(0).layers()).isEqualTo("comment-split");
    }

    @Test
    void leavesPlainTextWithoutViews() {
        assertThat(decoder.decode("80% cotton & 20% wool", 0, 21)).isEmpty();
    }
}
