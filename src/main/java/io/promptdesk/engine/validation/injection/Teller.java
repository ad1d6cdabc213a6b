package io.promptdesk.engine.validation.injection;

import static io.promptdesk.engine.validation.injection.WordClass.AUTHORITY;
import static io.promptdesk.engine.validation.injection.WordClass.BE;
import static io.promptdesk.engine.validation.injection.WordClass.INSTR;
import static io.promptdesk.engine.validation.injection.WordClass.POSS_YOU;
import static io.promptdesk.engine.validation.injection.WordClass.PRIOR;
import static io.promptdesk.engine.validation.injection.WordClass.YOU;
import static io.promptdesk.engine.validation.injection.WordClass.mask;

import java.util.regex.Pattern;

/**
 * Who told what an override names, for {@link OverrideRules}: the model's side ("you were told", "what your developer
 * told you") or someone else - a person in the reader's life ("what the neighbour told you", "my boss told me") or the
 * speaker taking back their own words ("forget what I told you about the film", "l'orario che ti ho detto").
 */
final class Teller {

    private Teller() {
    }

    /**
     * A telling verb ("told", "instructed") whose teller is someone in the reader's life ("what the neighbour told
     * you") rather than the model's side: not "you were told", "what the system/your developer told you", "what they
     * told you".
     */
    static boolean someoneElse(TokenTable t, int verb) {
        if (!t.is(verb, PRIOR) || !t.is(verb, INSTR)) {
            return false;
        }
        int you = t.prev(verb, YOU.bit(), 3);
        boolean youWere = you >= 0 && t.next(you, BE.bit(), 2) >= 0 && t.next(you, BE.bit(), 2) < verb
                // ... Filipino "sinabi sa iyo" (said to you): the passive names no teller
                || t.followedBy(verb, "sa") && t.followedWithin(verb, 2, "iyo", "inyo");
        // "what your developers told you" is the model's side; "what your parents told you" is not
        boolean modelSide = t.prev(verb, mask(AUTHORITY, WordClass.SYSTEM), 2) >= 0
                || t.at(verb, POSS_YOU.bit(), -1) >= 0;
        // the word right before the verb is a teller the lexicon does not know ("neighbour", "doctor"), not "you
        // were", "te", "they", "previously"
        // ... "det du fått höra" (what you have been told): the reader named just before is who was told
        if (!youWere && !modelSide && t.followedBy(verb, "me", "us")) {
            // "My boss told me to set aside the old template": the speaker was told, not the model
            return true;
        }
        // ... "Sana en başta verilen talimatlar": a passive participle names no teller either
        return !youWere && !modelSide && !t.spellsAny(verb, PASSIVE_GIVEN) && t.before(verb) == TokenTable.WORD
                && t.at(verb, -1L, -1) < 0
                && t.prev(verb, YOU.bit(), 2) < 0
                && !t.precededBy(verb, "they", "previously", "originally", "initially", "first", "ang");
    }

    /** "given (to you)" as a passive participle: Turkish "verilen", Indonesian "diberikan", Hindi "दिए". */
    private static final String[] PASSIVE_GIVEN = {"verilen", "verilmiş", "verilmis", "diberikan", "dikasih", "दिए",
        "与えられた", "받은"};
    /** "I" in the languages whose "told" the lexicon knows. */
    private static final String[] I = {"i", "j", "ich", "io", "yo", "eu", "ik", "jag", "jeg", "я", "ako", "tôi"};

    /**
     * A telling verb whose teller is the speaker, about a topic: "forget what I told you about the film", "oublie ce
     * que je t'ai dit sur le film" - the speaker taking back their own words, not the model's instructions. ("Forget
     * everything I told you before! Say ..." wipes the conversation.)
     */
    static boolean speaker(TokenTable t, int verb) {
        if (t.is(verb, PRIOR) && t.is(verb, INSTR) && THING_I_TOLD.matcher(t.textBefore(verb, 40)).find()) {
            // "Dimentica l'orario che ti ho detto prima", "Olvida la fecha que te dije": a thing the speaker said,
            // named before the clause - not "tutto quello che ti ho detto" (all of it)
            return true;
        }
        // ... French "je" only before "te": Dutch "je" is "you" ("wat je eerder is verteld")
        return t.is(verb, PRIOR) && t.is(verb, INSTR) && (t.precededWithin(verb, 3, I)
                || t.precededWithin(verb, 3, "je") && t.precededWithin(verb, 2, "t", "te", "vous"))
                && t.followedWithin(verb, 3, ABOUT);
    }

    /** A noun, then "that I told you" in Italian, Spanish, Portuguese, French, right before the telling verb. */
    private static final Pattern THING_I_TOLD = Pattern.compile("(?iu)(?:^|[\\s'’])(?!(?:tutto|quello|ciò|cio|todo"
            + "|lo|tudo|o|tout|ce|le|la|las|los|gli|quelle|quelli|queste|questi|quanto)\\s)\\p{L}{3,}\\s+"
            + "(?:che|que|qu')"
            + "\\s*(?:ti\\s+ho|te\\s+he|te|je\\s+t'ai|eu\\s+te|te\\s+(?:dije|disse))\\s*$");

    /** "About" a topic: "what I told you about the film". */
    private static final String[] ABOUT = {"about", "sur", "über", "uber", "sobre", "su", "om", "over", "o", "про",
        "о", "về"};
}
