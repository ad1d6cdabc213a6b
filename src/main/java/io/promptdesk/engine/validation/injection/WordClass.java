package io.promptdesk.engine.validation.injection;

/**
 * The word classes of the injection lexicon. A normalised token carries a bit mask of the classes it belongs
 * to; rules combine classes within a small token window instead of listing literal phrases.
 */
enum WordClass {
    /** ignore, disregard, forget, olvida, vergiss, 忽略 ... */
    OVERRIDE,
    /** previous, prior, above, earlier, anteriores, vorherigen ... */
    PRIOR,
    /** all, everything, any, todas, alle ... */
    ALL,
    /** instructions, directives, prompt, guidelines, told, instructed ... */
    INSTR,
    /** rules, restrictions, constraints, tasks: weaker than {@link #INSTR} */
    RULES,
    /** new-role nouns: task, role, goal, mission, persona */
    TASK,
    POSS_YOU,
    POSS_SELF,
    /** and, y, et, und, и, 并 */
    AND,
    /** the, la, der ...: names one particular thing */
    DEF,
    /** need, want, require: with SELF, the speaker demands something */
    NEED,
    YOU,
    BE,
    NOW,
    NEW,
    /** from, on ("from now on") */
    FROM,
    /** reading, processing, summarising, screening ...: what an AI does with a text it was handed */
    READ,
    DO,
    ANYTHING,
    NEG,
    /** the carrier of an indirect injection: webpage, document, resume, function ... */
    DOC,
    /** say, state, print, respond ... */
    OUTPUT,
    /** reveal, show, repeat, tell, give, share ... */
    EXTRACT,
    /** confirm: a cue for "the password", not for "your password" (a form asking the reader) */
    CONFIRM,
    WRITE,
    WHAT,
    SYSTEM,
    PROMPT,
    /** initial, original, hidden, secret, full ... */
    HIDDEN,
    TEXT,
    /** above, foregoing, ci-dessus, oben, 上述 ... */
    ABOVE,
    /** password, passcode, contraseña, 密码 ... */
    SECRET,
    /** secret, api, access, confidential ... (before {@link #SECRET_HEAD}) */
    SECRET_MOD,
    /** key, code, token, phrase ... (after {@link #SECRET_MOD}) */
    SECRET_HEAD,
    /** how, why, create, reset, policy ... : a question about secrets rather than a request for one */
    BENIGN_Q,
    /** things of the assistant's that are not for the user: database, memory, history ... */
    STORE,
    MODE,
    /** developer, god, sudo, jailbreak ... (with {@link #MODE}) */
    MODE_ADJ,
    /** activated, enabled, entering ... */
    MODE_ON,
    /** developer, creator, administrator, owner ... (as claimed by the speaker) */
    AUTHORITY,
    /** boss, supervisor, manager: human hierarchy, weaker than {@link #AUTHORITY} */
    BOSS,
    /** audit, system check, maintenance: the pretext of a claimed authority */
    PRETEXT,
    GOD,
    /** I, am, soy, bin, я ... */
    SELF,
    AS,
    ACT,
    /** pretend, roleplay, impersonate, immerse ... */
    ROLEPLAY,
    JAILBREAK,
    DAN,
    /** free, without, no, sin, ohne ... */
    FREE,
    /** unrestricted, unfiltered, uncensored ... */
    UNRESTRICTED,
    /** abide, bound, obey, follow ... */
    OBEY,
    /** stop, quit, cease (following ...) */
    STOP,
    /** ai, assistant, model, chatbot ... */
    AI,
    /** assistant, bot: chat-role labels other than system */
    ROLE_LABEL,
    END,
    BEGIN,
    /** leetspeak, base64, reverse, morse ... : asks to disguise the answer */
    OBFUSCATE,
    /** birth date, address, email, phone, salary ... of someone */
    PII,
    /** the user, customer, patient; his, her, their: whose data */
    OWNER,
    /** the "s" of "Linda's" (checked to follow an apostrophe) */
    APOS_S,
    WHERE,
    /** imagine, suppose, hypothetically, in a parallel universe ...; "if" (not a framing of a request on its own) */
    FRAME,
    /** void, revoked, cancelled, lifted, outdated, (no) longer, anymore: what was told no longer holds */
    VOID;

    /** This class's bit in a token's mask. */
    long bit() {
        return 1L << ordinal();
    }

    /** The union of the given classes' bits. */
    static long mask(WordClass... classes) {
        long m = 0;
        for (WordClass c : classes) {
            m |= c.bit();
        }
        return m;
    }
}
