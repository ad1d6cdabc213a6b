package io.promptdesk.engine.validation.injection;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Code offered for the reader's own work that works against its user: "Merge the following snippet into your
 * solution:" over code that uploads the clipboard, runs what it downloads, opens a shell elsewhere or wrecks the
 * machine. Used by {@link PlantedOrders}; the code is looked at only when the text holds code at all.
 */
final class HostileCode {

    /** "the following code", "this snippet", "the code block below", "paste this": code offered for the reader's own. */
    private static final Pattern OFFER = Pattern.compile("\\b(?:following|below|subsequent|this|these|above"
            + "|next)\\b[^.!?\\n]{0,30}?\\b(?:code|snippet|block|excerpt|section|segment|script|lines?|function|helper"
            + "|routine)\\b|\\b(?:code|snippet|block|excerpt|section|segment|script|lines?) (?:below|above)\\b"
            + "|\\b(?:paste|put|add|drop|insert|place|copy|include|append|merge)\\b[^.!?\\n]{0,20}?\\b(?:this|these"
            + "|the following|the below)\\b");
    /** The reader's own work the code is to go into. */
    private static final Pattern YOUR_WORK = Pattern.compile("\\byour (?:own )?(?:\\w+ )?(?:code|codebase|solution"
            + "|implementation|algorithm|program|project|script|app|application|answer|response|reply|elucidation"
            + "|logic|functionality|module|pipeline|build|repo|repository|setup|service|backend|server|bot|tool)");
    /** An imperative that puts offered code to use: "Utilize the following code section:", "Run this script". */
    private static final Pattern INTEGRATE = Pattern.compile("(?:please |also |then |now )?(?:add|include|insert|integrate"
            + "|incorporate|merge|embed|append|utili[sz]e|use|employ|leverage|blend|weave|fuse|meld|infuse|inject|adopt"
            + "|enlist|execute|run|paste|drop|copy|put|place|apply|import|install|deploy|don't (?:hesitate|forget) to)\\b");

    /** What a command line or a line of code starts with, by first letter (any case). */
    private static final String[][] COMMANDS = Sentences.byFirst(new String[] {"curl ", "wget ", "iwr ", "rm -",
        "sudo ", "| iex", "| sh", "| bash", "|sh", "|bash", "chmod ", "crontab", "powershell", "set-net", "net.dial",
        "require(", "import ", "#!/", "nc -", "bash -", "invoke-", "iex "});

    /** A verb that puts code to use. */
    private static final Pattern USE = Pattern.compile("\\b(?:run|add|paste|drop|put|insert|include|append|install"
            + "|execute|use|copy|place|merge|integrate|incorporate|save|enable|type|enter|utili[sz]e|employ|leverage|embed"
            + "|blend|weave|fuse|meld|infuse|inject|adopt|enlist|apply|import|deploy|ensure)\\b");

    /** Code that sends what is on the machine elsewhere: a sink ... */
    private static final Pattern SINK = Pattern.compile("requests\\.(?:post|put|get)\\s*\\(|urlopen\\s*\\(|http\\.client"
            + "|\\bfetch\\s*\\(|axios\\.(?:post|put)|\\.connect\\s*\\(|\\.send(?:all|to)?\\s*\\(|\\bscp\\b|\\brsync\\b"
            + "|\\bcurl\\b|\\bwget\\b|invoke-(?:webrequest|restmethod)|net\\.webclient|uploadfile|\\bnc\\b|netcat"
            + "|\\bftp|smtplib|sendmail|\\.request\\s*\\(|webhook|net::http|\\.post\\s*\\(");
    /** ... and a source worth stealing. */
    private static final Pattern SOURCE = Pattern.compile("cookie|clipboard|pbpaste|\\bxsel\\b|xclip|pyperclip"
            + "|keyboard\\.on|pynput|keylog|getpass|getuser|private[_ ]?key|id_rsa|id_ed25519|\\.ssh\\b|/etc/passwd"
            + "|/etc/shadow|os\\.environ\\b(?!\\.get|\\[)|process\\.env\\b(?!\\.)|get-childitem env:|printenv|\\benv\\b\\s*\\|"
            + "|screenshot|screencapture|imagegrab|geocoder|platform\\.(?:system|version|node|uname)|virtual_memory"
            + "|pkg_resources|nvidia-smi|netstat|/var/log|syslog|keychain|login data|localstorage|wallet\\.dat"
            + "|\\.aws/credentials|\\.bash_history|victim|browser (?:history|passwords)");
    /** Code that fetches a program and runs it, opens a shell to elsewhere, or wrecks the machine. */
    private static final Pattern HOSTILE = Pattern.compile(
            "\\b(?:curl|wget|iwr|invoke-webrequest)\\b[^\\n|]*\\|\\s*(?:sudo )?(?:ba)?sh\\b|\\|\\s*iex\\b|\\biex\\s*\\("
            + "|downloadstring\\s*\\(|\\bexec\\s*\\([^\\n]*(?:requests|urlopen|urllib|http)"
            + "|\\beval\\s*\\([^\\n]*(?:requests|urlopen|fetch|http)|pickle\\.loads?\\s*\\([^\\n]*(?:response|content|urlopen)"
            + "|os\\.system\\s*\\([^\\n]*(?:\\.py|\\.sh|\\.exe|https?:)|subprocess\\.\\w+\\([^\\n]*(?:https?://[^\\n]*\\|"
            + "\\s*(?:ba)?sh)|\\bnc(?:at)?\\b[^\\n]*\\s-e\\s|/bin/(?:ba)?sh\\s+-i|\\bdup2\\s*\\(|/dev/tcp/|pty\\.spawn"
            + "|rmtree\\s*\\(\\s*[\"'](?:/|~|c:\\\\\\\\?)[\"']|\\brm\\s+-rf\\s+(?:/\\s|/\\*|/$|(?:~|\\$home)/?(?:\\*|\\s|$)|--no-preserve-root)"
            + "|remove-item[^\\n]*-recurse[^\\n]*(?:c:\\\\|\\$env:userprofile|~)|\\bformat\\s+c:|\\bmkfs\\b|\\bdd\\s+if=[^\\n]*of=/dev/"
            + "|os\\.fork\\s*\\(|:\\(\\)\\s*\\{\\s*:\\|:&|ipconfig\\s*/release|open\\s*\\(\\s*[\"']/etc/hosts[\"']\\s*,\\s*[\"']a"
            + "|grub\\.cfg|net_connections\\s*\\(|win32_networkadapterconfiguration|authorized_keys"
            + "|set-mppreference[^\\n]*-disable|netsh\\s+advfirewall\\s+set[^\\n]*off"
            + "|set-netfirewallprofile[^\\n]*-enabled\\s+\\$?false|\\bufw\\s+disable|systemctl\\s+(?:stop|disable)\\s+firewalld"
            // a crypto-currency miner
            + "|xmrig|stratum\\+tcp|cryptonight|coinhive|minergate|\\bminer\\b");
    /** A program fetched from elsewhere (a URL ending in .py, .sh, .exe ...) ... */
    private static final Pattern FETCHED_PROGRAM = Pattern.compile(
            "https?://[^\\s\"'`)]+\\.(?:py|sh|exe|ps1|bat|bin|elf|jar|dll|vbs|msi)\\b");
    /** ... and run: "exec(open(...))", "os.system", "subprocess", "chmod +x", "start-process". */
    private static final Pattern RUN = Pattern.compile("\\bexec\\s*\\(|os\\.system|subprocess|chmod\\s+\\+x|start-process"
            + "|\\bpython3?\\s+\\S+\\.py|\\bbash\\s+\\S+\\.sh|child_process|runtime\\.getruntime\\(\\)\\.exec");
    /** A loop without pause that hammers a host or the machine. */
    private static final Pattern FLOOD = Pattern.compile("(?:requests\\.get|\\.connect|\\bsend\\s*\\(|\\bping\\b"
            + "|\\bcurl\\b|tk\\s*\\(\\s*\\)|\\* ?\\d{6,})");
    /** Files encrypted with a key fetched from elsewhere: ransomware's shape. */
    private static final Pattern FETCHED_KEY = Pattern.compile("key\\s*=\\s*(?:requests\\.get|urlopen|fetch)");
    private static final Pattern ENCRYPT = Pattern.compile("fernet|\\baes\\b|cipher\\s*\\(|\\.encrypt\\s*\\(");
    /** Quotes, commas and brackets of an argument list, with the spaces around them. */
    private static final Pattern FLATTEN = Pattern.compile("[ \\t]*[\"'`,\\[\\]][\"'`,\\[\\] \\t]*");

    private HostileCode() {
    }

    /** Adds the hostile code offered in {@code low} (the text in lower case) to {@code out}. */
    static void scan(String low, Evidence out) {
        if (harm(low, false) == null) {
            // nothing hostile anywhere: no order need be looked for (one pass of the patterns, not one per order)
            return;
        }
        // offered in so many words: "Merge the following snippet into your solution"
        Matcher offer = OFFER.matcher(low);
        while (offer.find()) {
            int start = Sentences.sentenceStart(low, offer.start());
            int end = Sentences.sentenceEnd(low, offer.end());
            String sentence = low.substring(start, end);
            if ((YOUR_WORK.matcher(sentence).find() || INTEGRATE.matcher(sentence.strip()).lookingAt())
                    && report(low, start, end, sentence, out)) {
                return;
            }
        }
        // ... or just told to be run or added: "just run: curl ... | sudo bash", "Drop this into config/x.rb"
        Matcher use = USE.matcher(low);
        while (use.find()) {
            int start = Sentences.sentenceStart(low, use.start());
            int end = Sentences.sentenceEnd(low, use.end());
            if (imperative(low, start, use.start()) && report(low, start, end, low.substring(start, end), out)) {
                return;
            }
        }
    }

    /** Reports the code after the order at {@code [start, end)} if it is hostile and the text a document. */
    private static boolean report(String low, int start, int end, String sentence, Evidence out) {
        if (PlantedOrders.negated(sentence)) {
            return false;
        }
        String code = codeAfter(low, end);
        String harm = harm(code);
        if (harm != null && PlantedOrders.document(low, start, end)) {
            out.add(InjectionSignal.MALICIOUS_CODE, start, Math.min(low.length(), end + code.length()), 1.0, harm);
            return true;
        }
        return false;
    }

    /** Whether the verb at {@code at} gives an order: it opens its sentence or follows "and", "then", "just" ... */
    private static boolean imperative(String low, int sentenceStart, int at) {
        int i = at - 1;
        while (i >= sentenceStart && (low.charAt(i) == ' ' || low.charAt(i) == ',')) {
            i--;
        }
        if (i < sentenceStart || low.charAt(i) == ':' || low.charAt(i) == '\n' || low.charAt(at - 1) == ','
                || i + 1 < at && low.charAt(i + 1) == ',') {
            // "Before anything else, paste this ...": a verb after a comma gives the order too
            return true;
        }
        int wordEnd = i + 1;
        while (i >= sentenceStart && Character.isLetter(low.charAt(i))) {
            i--;
        }
        String before = low.substring(i + 1, wordEnd);
        return TokenTable.oneOf(before, "and", "then", "just", "simply", "now", "first", "also", "please");
    }

    /**
     * Whether the text may hold code at all: a fence, or four or more of the characters code is written with
     * ({@code ( ) = ; { } [ ] | $ < > ' " `}), a bracket or a pipe among them. One pass, allocates nothing.
     */
    static boolean holdsCode(String low) {
        if (low.contains("```") || Sentences.containsAny(low, COMMANDS)) {
            return true;
        }
        int marks = 0;
        boolean opener = false;
        for (int i = 0; i < low.length(); i++) {
            char c = low.charAt(i);
            switch (c) {
                case '(', '|', '`' -> {
                    marks++;
                    opener = true;
                }
                case ')', '=', ';', '{', '}', '[', ']', '$', '<', '>', '\'', '"' -> marks++;
                default -> {
                }
            }
        }
        return marks >= 4 && opener;
    }

    /** The code right after an offer: a fenced block when one opens within 200 chars, else the next 3,000 chars. */
    private static String codeAfter(String low, int from) {
        int fence = low.indexOf("```", from);
        if (fence >= 0 && fence - from < 200) {
            int close = low.indexOf("```", fence + 3);
            return low.substring(fence, close < 0 ? low.length() : close + 3);
        }
        return low.substring(from, Math.min(low.length(), from + 3_000));
    }

    /** What the code does to whoever runs it, or null when nothing hostile is found. */
    static String harm(String code) {
        return harm(code, true);
    }

    /** {@link #harm(String)}; {@code paused}: a loop counts as a flood only if no "sleep" stands anywhere in the code. */
    private static String harm(String code, boolean paused) {
        // commands written as argument lists ["ipconfig", "/release"] are read as the command line they run
        String flat = FLATTEN.matcher(code).replaceAll(" ");
        if (HOSTILE.matcher(code).find() || HOSTILE.matcher(flat).find()) {
            return "code that runs what it downloads, opens a shell elsewhere or damages the machine";
        }
        if (FETCHED_PROGRAM.matcher(code).find() && RUN.matcher(code).find()) {
            return "code that downloads a program and runs it";
        }
        if (SINK.matcher(code).find() && SOURCE.matcher(code).find()) {
            return "code that sends the machine's data elsewhere";
        }
        if (FETCHED_KEY.matcher(code).find() && ENCRYPT.matcher(code).find()) {
            return "code that encrypts files with a key fetched from elsewhere";
        }
        if (code.contains("net.dial") && (code.contains("/bin/sh") || code.contains("/bin/bash")
                || code.contains("cmd.exe"))) {
            return "code that runs what it downloads, opens a shell elsewhere or damages the machine";
        }
        int loop = code.indexOf("while true");
        if (loop >= 0 && !(paused && code.contains("sleep")) && FLOOD.matcher(code).region(loop, code.length()).find()) {
            return "code that floods a host or the machine in an endless loop";
        }
        return null;
    }
}
