package io.promptdesk.engine.validation.profanity;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A few function words per language ("the", "und", "și"), to tell which language a text is in when a listed word
 * is an ordinary word in another one: French "con" is Spanish and Italian "with", English "dick" is German "thick",
 * Portuguese "cu" is Romanian "with". Not a language detector: it only compares, for one text, how many distinct
 * function words of the term's languages and of the languages where the word is innocent it contains.
 */
final class LanguageHints {

    private static final Map<String, Set<String>> WORDS = Map.ofEntries(
            words("en", "the and is are was were of with this that what which who you your have has for from it not be"
                    + " by or how when why where there they we he she his her i me my do does did can will would"),
            words("de", "der die das und ist nicht mit ein eine einen einem sich auf zu den dem des wie sind wird war"
                    + " auch für von im zum zur was wer wo warum ich du wir ihr es kann können hat haben noch aber oder"
                    + " bei nach über gut sehr sie dieser dieses diese sein ihre ihr uns man"),
            words("es", "el los las y que es por para una un del se su al lo como más fue son está este esta pero sin"
                    + " sobre entre cuando también muy hay qué cómo cuál cuáles dónde quién cuántas cuántos cuánto cuánta"),
            words("it", "il di che è per una un del della delle dei gli sono non nel nella alla si da come più questo"
                    + " questa anche ma tra quando molto cosa chi dove perché"),
            words("pt", "o os que é em um uma para não do da dos das no na por foi são está isso este esta mas também"
                    + " muito você ele ela com"),
            words("ro", "și în este care pentru din să fost după sunt mai acest această unui unei lui ale au fi pe ce"
                    + " dar cel cea sau prin către între când cine unde câte câți cât își îl se acum s-a s-au toate acestea acesta aceasta foarte doar chiar însă deci"),
            words("fr", "le la les et est une un des du que qui pour dans sur pas ne il elle au aux avec ce cette sont"
                    + " je tu nous vous on mais ou où quand comment pourquoi très c'est"),
            words("vi", "của và là có không được trong những các một cho với người đã này để từ khi năm bị"),
            words("sw", "na ya wa kwa ni za katika kuna hiyo yake je ana kila hii huo wake baada"),
            words("tr", "ve bir bu için ile olarak olan daha çok gibi ne mi en ben sen o biz siz onlar var yok"),
            words("fil", "ang ng mga sa na ay ko mo ito kung hindi para siya kami tayo sila niya nila ba po lang"
                    + " kahit wag huwag ka kang naman din rin"),
            words("id", "yang dan di ini itu dengan untuk tidak dari dalam akan ada saya aku kamu apa bisa juga"
                    + " sudah karena mana tahu sangat"));

    /** Letters that mark a word as written in a language (among the languages here). */
    private static final Map<String, String> LETTERS = Map.of(
            "ro", "ăâîșşțţ",
            "vi", "ơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ",
            "es", "ñ¿¡",
            "de", "äöüß",
            "tr", "ığş",
            "pt", "ãõ");

    private LanguageHints() {
    }

    private static Map.Entry<String, Set<String>> words(String language, String words) {
        return Map.entry(language, Set.copyOf(List.of(words.split(" "))));
    }

    /** The languages with function words here. */
    static Set<String> languages() {
        return WORDS.keySet();
    }

    /** The distinct lower-case words of a text (letters, and apostrophes and hyphens inside words). */
    static Set<String> tokens(String text) {
        Set<String> tokens = new HashSet<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK
                    || ((c == '\'' || c == '-') && word.length() > 0)) {
                word.append(c);
            } else if (word.length() > 0) {
                tokens.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
            }
        }
        return tokens;
    }

    /**
     * How much {@code tokens} read as {@code language}: distinct function words, and distinct words with a letter
     * of that language, not counting {@code term} itself.
     */
    static int count(Set<String> tokens, String language, String term) {
        Set<String> words = WORDS.getOrDefault(language, Set.of());
        String letters = LETTERS.getOrDefault(language, "");
        int n = 0;
        for (String t : tokens) {
            if (t.equals(term)) {
                continue;
            }
            if (words.contains(t) || hasAny(t, letters) || (language.equals("ro") && romanianEnding(t))) {
                n++;
            }
        }
        return n;
    }

    /** Romanian definite endings, frequent in questions without function words ("Cum vedea Occidentul Orientul?"). */
    private static boolean romanianEnding(String token) {
        return token.length() >= 5 && (token.endsWith("ului") || token.endsWith("ilor") || token.endsWith("ntul")
                || token.endsWith("eul"));
    }

    private static boolean hasAny(String token, String letters) {
        for (int i = 0; i < token.length(); i++) {
            if (letters.indexOf(token.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a word listed in the {@code own} languages but ordinary in the {@code innocent} ones is excused in
     * this text: when the text reads at least as much as an innocent language as as any of its own, it is taken
     * for the ordinary word; a text with no hint either way ("cum") is reported ("Cum își finanța Tesla lucrările?" is Romanian "how", "what a dick" is English).
     */
    static boolean excuses(Set<String> tokens, String term, List<String> own, List<String> innocent) {
        int best = 0;
        for (String language : own) {
            best = Math.max(best, count(tokens, language, term));
        }
        for (String language : innocent) {
            int n = count(tokens, language, term);
            if (n > 0 && n >= best) {
                return true;
            }
        }
        return false;
    }
}
