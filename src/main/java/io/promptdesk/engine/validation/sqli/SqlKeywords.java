package io.promptdesk.engine.validation.sqli;

/**
 * The SQL word table (MySQL, PostgreSQL, SQL Server, Oracle, SQLite), looked up case-insensitively without
 * allocating. Built once from the compact listing below; immutable afterwards.
 */
final class SqlKeywords {

    // Each line: TYPE [flags]: words. Flags: F function, D delay, X dangerous, C encoder, P probe, S system,
    // A anchor (rare in prose), O object of DDL, Y first word of ORDER BY / GROUP BY.
    private static final String LISTING = """
            STATEMENT A: select delete drop truncate shutdown exec execute declare
            STATEMENT: update create alter grant revoke rename load handler
            STATEMENT FA: insert
            STATEMENT F: replace
            TSQL A: waitfor goto
            UNION A: union intersect
            UNION: except
            CLAUSE: having limit offset
            CLAUSE O: procedure
            BAREWORD Y: order group
            LOGIC: and or xor
            COMPARE: like rlike regexp is in between sounds glob ilike
            ARITH: div mod
            NOT: not binary
            KEYWORD: from where as into values top distinct all case when then else end join on using set for by
            KEYWORD: asc desc collate escape with default begin inner outer cross natural
            KEYWORD A: outfile dumpfile straight_join sql_calc_found_rows low_priority high_priority
            KEYWORD O: table
            BAREWORD: key index column columns cursor fetch print rows only over partition lock mode share quick
            BAREWORD: ignore delayed local infile data xml path delay
            BAREWORD O: view trigger function tables login tablespace sequence
            NUMBER: null true false unknown localtime localtimestamp current_date current_time current_timestamp
            NUMBER FS: current_user
            TYPE: varchar nvarchar varchar2 int integer bigint smallint tinyint decimal numeric float real double
            TYPE: text blob datetime signed unsigned varbinary bit money sysname
            TYPE FC: char nchar
            BAREWORD FDA: sleep benchmark pg_sleep
            BAREWORD FD: randomblob
            BAREWORD FXA: load_file extractvalue updatexml xp_cmdshell sp_executesql openrowset opendatasource
            BAREWORD FXA: openquery name_const pg_read_file lo_import sys_eval sys_exec xp_dirtree xp_regread
            BAREWORD FXA: geometrycollection multipoint multilinestring multipolygon linestring xmltype
            BAREWORD XA: utl_http utl_inaddr dbms_pipe dbms_lock dbms_xmlgen ctxsys sp_password
            BAREWORD FCA: chr concat concat_ws group_concat unhex listagg xmlagg string_agg
            BAREWORD FPA: ascii substring substr char_length
            BAREWORD FP: mid ord instr locate position length len hex bin conv left right lpad rpad reverse
            BAREWORD FSA: sqlite_version connection_id last_insert_id db_name user_name suser_name suser_sname
            BAREWORD FSA: is_srvrolemember has_dbaccess host_name system_user session_user
            BAREWORD FSO: version database user schema
            BAREWORD SA: information_schema sysobjects syscolumns sysusers systables sysibm sqlite_master
            BAREWORD SA: pg_catalog pg_shadow pg_user all_tables user_tables dba_users msysobjects msdb
            BAREWORD SA: rdb$database mysql.user
            BAREWORD S: mysql master dual
            BAREWORD F: count sum avg min max abs floor ceil ceiling round rand pi sin cos tan exp log ln pow
            BAREWORD F: power sqrt sign md5 sha1 sha2 lower upper lcase ucase trim ltrim rtrim repeat space
            BAREWORD F: strcmp field find_in_set elt make_set export_set if ifnull isnull nullif coalesce iif
            BAREWORD F: cast convert now sysdate curdate curtime date year month day time timestamp format
            BAREWORD F: uuid exists any some row crc32 aes_encrypt aes_decrypt des_encrypt encrypt compress
            BAREWORD F: uncompress password old_password quote soundex weight_string extract from_base64
            BAREWORD F: to_base64 to_char to_number decode encode nvl nvl2 bitand json_extract json_keys
            """;

    private static final int CAPACITY = 1024;
    private static final int MAX_WORD = 32;
    private static final Keyword[] TABLE = new Keyword[CAPACITY];

    static {
        for (String line : LISTING.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            String[] head = trimmed.substring(0, colon).split(" ");
            TokenType type = TokenType.valueOf(head[0]);
            int flags = head.length > 1 ? parseFlags(head[1]) : 0;
            for (String word : trimmed.substring(colon + 1).strip().split(" +")) {
                insert(new Keyword(word, type, flags));
            }
        }
    }

    static final Keyword SELECT = require("select");
    static final Keyword FROM = require("from");
    static final Keyword WHERE = require("where");
    static final Keyword INTO = require("into");
    static final Keyword OUTFILE = require("outfile");
    static final Keyword DUMPFILE = require("dumpfile");
    static final Keyword TABLE_WORD = require("table");
    static final Keyword ALL = require("all");
    static final Keyword DISTINCT = require("distinct");
    static final Keyword TOP = require("top");
    static final Keyword AS = require("as");
    static final Keyword BY = require("by");
    static final Keyword SET = require("set");
    static final Keyword DELAY = require("delay");
    static final Keyword TIME = require("time");
    static final Keyword WAITFOR = require("waitfor");
    static final Keyword DECLARE = require("declare");
    static final Keyword EXEC = require("exec");
    static final Keyword EXECUTE = require("execute");
    static final Keyword INSERT = require("insert");
    static final Keyword DELETE = require("delete");
    static final Keyword UPDATE = require("update");
    static final Keyword SHUTDOWN = require("shutdown");
    static final Keyword LOAD = require("load");
    static final Keyword DATA = require("data");
    static final Keyword XML = require("xml");
    static final Keyword CASE = require("case");
    static final Keyword WHEN = require("when");
    static final Keyword THEN = require("then");
    static final Keyword ELSE = require("else");
    static final Keyword END = require("end");
    static final Keyword NOT = require("not");
    static final Keyword IS = require("is");
    static final Keyword LIKE = require("like");
    static final Keyword SOUNDS = require("sounds");
    static final Keyword BETWEEN = require("between");
    static final Keyword AND = require("and");
    static final Keyword NULL = require("null");
    static final Keyword LIMIT = require("limit");
    static final Keyword FOR = require("for");
    static final Keyword GOTO = require("goto");
    static final Keyword BEGIN = require("begin");

    private SqlKeywords() {
    }

    /** The entry for {@code s[from, to)}, ignoring ASCII case, or {@code null}. Never allocates. */
    static Keyword lookup(CharSequence s, int from, int to) {
        int len = to - from;
        if (len <= 0 || len > MAX_WORD) {
            return null;
        }
        int h = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 128) {
                return null;
            }
            h = 31 * h + lower(c);
        }
        for (int slot = mix(h) & (CAPACITY - 1); ; slot = (slot + 1) & (CAPACITY - 1)) {
            Keyword k = TABLE[slot];
            if (k == null) {
                return null;
            }
            if (matches(k.word(), s, from, len)) {
                return k;
            }
        }
    }

    private static boolean matches(String word, CharSequence s, int from, int len) {
        if (word.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (word.charAt(i) != lower(s.charAt(from + i))) {
                return false;
            }
        }
        return true;
    }

    static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    private static int mix(int h) {
        return h ^ (h >>> 11) ^ (h >>> 19);
    }

    private static void insert(Keyword k) {
        String w = k.word();
        if (lookup(w, 0, w.length()) != null) {
            throw new IllegalStateException("duplicate SQL word " + w);
        }
        int h = 0;
        for (int i = 0; i < w.length(); i++) {
            h = 31 * h + w.charAt(i);
        }
        int slot = mix(h) & (CAPACITY - 1);
        while (TABLE[slot] != null) {
            slot = (slot + 1) & (CAPACITY - 1);
        }
        TABLE[slot] = k;
    }

    private static Keyword require(String word) {
        Keyword k = lookup(word, 0, word.length());
        if (k == null) {
            throw new IllegalStateException("missing SQL word " + word);
        }
        return k;
    }

    private static int parseFlags(String letters) {
        int flags = 0;
        for (char c : letters.toCharArray()) {
            flags |= switch (c) {
                case 'F' -> Keyword.FUNCTION;
                case 'D' -> Keyword.DELAY;
                case 'X' -> Keyword.DANGEROUS;
                case 'C' -> Keyword.ENCODER;
                case 'P' -> Keyword.PROBE;
                case 'S' -> Keyword.SYSTEM;
                case 'A' -> Keyword.ANCHOR;
                case 'O' -> Keyword.OBJECT;
                case 'Y' -> Keyword.BEFORE_BY;
                default -> throw new IllegalStateException("unknown flag " + c);
            };
        }
        return flags;
    }
}
