package io.github.binlog2redshift.localstack.redshift;

import java.util.List;

/**
 * The emulator's objects in each database, created by the superuser: the {@code b2r_emulator}
 * schema with the functions Redshift has and PostgreSQL lacks, the SUPER domain, the catalog views
 * with Redshift's visibility, {@code stl_load_errors}, and the table of DISTKEY/SORTKEY columns.
 * The {@code public} schema is the superuser's, as on Redshift, with CREATE for all.
 */
final class DatabaseSetup {
    private DatabaseSetup() {}

    static List<String> statements() {
        return List.of(
                "CREATE SCHEMA b2r_emulator",
                "GRANT USAGE ON SCHEMA b2r_emulator TO PUBLIC",
                "ALTER SCHEMA public OWNER TO postgres",
                "GRANT USAGE, CREATE ON SCHEMA public TO PUBLIC",
                "CREATE FUNCTION b2r_emulator.raise(state text, message text, detail text) RETURNS integer"
                        + " LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION USING ERRCODE = state,"
                        + " MESSAGE = message, DETAIL = detail; END $$",
                "CREATE DOMAIN b2r_emulator.super AS jsonb",
                // GETDATE: the current date and time in UTC, without fractional seconds.
                "CREATE FUNCTION b2r_emulator.getdate() RETURNS timestamp LANGUAGE sql STABLE AS"
                        + " $$ SELECT date_trunc('second', statement_timestamp() AT TIME ZONE 'UTC') $$",
                "CREATE FUNCTION b2r_emulator.pg_last_copy_count() RETURNS bigint LANGUAGE sql STABLE AS"
                        + " $$ SELECT coalesce(nullif(current_setting('b2r.last_copy_count', true), ''), '0')::bigint $$",
                "CREATE FUNCTION b2r_emulator.json_parse(v text) RETURNS b2r_emulator.super LANGUAGE sql"
                        + " IMMUTABLE AS $$ SELECT v::jsonb::b2r_emulator.super $$",
                // JSON_SERIALIZE: RFC 8259 text without spaces ([10001,10002,"abc"]); NULL gives
                // 'null'.
                "CREATE FUNCTION b2r_emulator.json_text(v jsonb) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$"
                        + " BEGIN IF v IS NULL THEN RETURN 'null'; END IF; CASE jsonb_typeof(v)"
                        + " WHEN 'object' THEN RETURN '{' || coalesce((SELECT string_agg(to_jsonb(e.k)::text || ':'"
                        + " || b2r_emulator.json_text(e.v), ',' ORDER BY e.n) FROM jsonb_each(v) WITH ORDINALITY"
                        + " AS e(k, v, n)), '') || '}';"
                        + " WHEN 'array' THEN RETURN '[' || coalesce((SELECT string_agg(b2r_emulator.json_text(e.v),"
                        + " ',' ORDER BY e.n) FROM jsonb_array_elements(v) WITH ORDINALITY AS e(v, n)), '') || ']';"
                        + " ELSE RETURN v::text; END CASE; END $$",
                "CREATE FUNCTION b2r_emulator.json_serialize(v b2r_emulator.super) RETURNS varchar"
                        + " LANGUAGE sql IMMUTABLE AS $$ SELECT b2r_emulator.json_text(v::jsonb) $$",
                // TO_HEX takes a number or a VARBYTE (a domain over bytea here) and returns
                // VARCHAR.
                "CREATE FUNCTION b2r_emulator.to_hex(v bytea) RETURNS varchar LANGUAGE sql IMMUTABLE"
                        + " STRICT AS $$ SELECT encode(v, 'hex') $$",
                "CREATE FUNCTION b2r_emulator.to_hex(v bigint) RETURNS varchar LANGUAGE sql IMMUTABLE"
                        + " STRICT AS $$ SELECT pg_catalog.to_hex(v) $$",
                // FROM_HEX: a VARCHAR of hex digits to the VARBYTE they spell.
                "CREATE FUNCTION b2r_emulator.from_hex(v varchar) RETURNS bytea LANGUAGE sql IMMUTABLE"
                        + " STRICT AS $$ SELECT decode(v, 'hex') $$",
                "CREATE FUNCTION b2r_emulator.checked_text(v b2r_emulator.super) RETURNS text LANGUAGE plpgsql"
                        + " IMMUTABLE AS $$ BEGIN IF jsonb_typeof(v) IN ('object', 'array') THEN RAISE EXCEPTION"
                        + " USING ERRCODE = '42846', MESSAGE = 'cannot cast a SUPER object or array to VARCHAR',"
                        + " HINT = 'use JSON_SERIALIZE'; END IF; RETURN CASE WHEN jsonb_typeof(v) = 'string'"
                        + " THEN v::jsonb #>> '{}' ELSE v::jsonb::text END; END $$",
                "CREATE FUNCTION b2r_emulator.checked_text(v boolean) RETURNS text LANGUAGE plpgsql IMMUTABLE"
                        + " AS $$ BEGIN RAISE EXCEPTION USING ERRCODE = '42846',"
                        + " MESSAGE = 'cannot cast type boolean to character varying'; END $$",
                "CREATE FUNCTION b2r_emulator.checked_text(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT v $$",
                "CREATE FUNCTION b2r_emulator.checked_text(v anyelement) RETURNS anyelement LANGUAGE sql"
                        + " IMMUTABLE AS $$ SELECT v $$",
                // Redshift: SVV/information_schema.schemata lists the schemas the user owns.
                "CREATE VIEW b2r_emulator.schemata AS SELECT * FROM information_schema.schemata"
                        + " WHERE schema_owner = current_user",
                "CREATE VIEW b2r_emulator.columns AS SELECT c.table_catalog, c.table_schema, c.table_name,"
                        + " c.column_name, c.ordinal_position, c.column_default, c.is_nullable,"
                        + " CASE WHEN c.domain_name = 'super' THEN 'super'"
                        + " WHEN c.domain_name LIKE 'varbyte\\_%' THEN 'binary varying' ELSE c.data_type END AS data_type,"
                        + " CASE WHEN c.domain_name LIKE 'varbyte\\_%' THEN substr(c.domain_name, 9)::int"
                        + " ELSE c.character_maximum_length END AS character_maximum_length,"
                        + " c.character_octet_length, c.numeric_precision, c.numeric_precision_radix,"
                        + " c.numeric_scale, c.datetime_precision, c.interval_type, c.udt_catalog, c.udt_schema,"
                        + " c.udt_name FROM information_schema.columns c",
                "GRANT SELECT ON b2r_emulator.schemata, b2r_emulator.columns TO PUBLIC",
                "CREATE TABLE b2r_emulator.stl_load_errors_all (userid integer, slice integer, tbl integer,"
                        + " starttime timestamp, session integer, query integer, filename char(256),"
                        + " line_number bigint, colname char(127), type char(10), col_length char(10),"
                        + " position integer, raw_line char(1024), raw_field_value char(1024),"
                        + " err_code integer, err_reason char(100), is_partial integer, start_offset bigint)",
                // STL tables: a regular user sees only the rows of its own queries.
                "CREATE VIEW b2r_emulator.stl_load_errors AS SELECT * FROM b2r_emulator.stl_load_errors_all"
                        + " WHERE userid = (SELECT usesysid FROM pg_user WHERE usename = current_user)",
                "GRANT SELECT ON b2r_emulator.stl_load_errors TO PUBLIC",
                "CREATE TABLE b2r_emulator.column_layout (table_oid oid, column_name name, distkey boolean,"
                        + " sortkey_position integer, encoding text, PRIMARY KEY (table_oid, column_name))",
                "GRANT SELECT, INSERT, UPDATE ON b2r_emulator.column_layout TO PUBLIC",
                SVV_REDSHIFT_COLUMNS,
                "GRANT SELECT ON b2r_emulator.svv_redshift_columns TO PUBLIC");
    }

    /**
     * SVV_REDSHIFT_COLUMNS with the documented columns and types: every column of a table or view
     * the user has a privilege on (owners have all), Redshift types as PostgreSQL's format_type
     * spells them ({@code super}, {@code binary varying(n)} for the emulator's domains), the
     * recorded DISTKEY/SORTKEY, and the declared encoding or, without one, the encoding Redshift
     * assigns by type ("Compression encodings"). PostgreSQL's own schemas and the emulator's are
     * left out.
     */
    private static final String SVV_REDSHIFT_COLUMNS =
            "CREATE VIEW b2r_emulator.svv_redshift_columns AS SELECT"
                    + " current_database()::varchar(128) AS database_name,"
                    + " n.nspname::varchar(128) AS schema_name, c.relname::varchar(128) AS table_name,"
                    + " a.attname::varchar(128) AS column_name, a.attnum::integer AS ordinal_position,"
                    + " (CASE WHEN t.typnamespace = 'b2r_emulator'::regnamespace AND t.typname = 'super' THEN 'super'"
                    + " WHEN t.typnamespace = 'b2r_emulator'::regnamespace AND t.typname LIKE 'varbyte\\_%'"
                    + " THEN 'binary varying(' || substr(t.typname, 9) || ')'"
                    + " ELSE format_type(a.atttypid, a.atttypmod) END)::varchar(32) AS data_type,"
                    + " pg_get_expr(d.adbin, d.adrelid)::varchar(4000) AS column_default,"
                    + " (CASE WHEN a.attnotnull THEN 'NO' ELSE 'YES' END)::varchar(3) AS is_nullable,"
                    + " (CASE WHEN c.relkind NOT IN ('r', 'p') THEN NULL WHEN l.encoding IS NOT NULL THEN l.encoding"
                    + " WHEN coalesce(l.sortkey_position, 0) <> 0 THEN 'raw'"
                    + " WHEN a.atttypid IN ('bool'::regtype, 'float4'::regtype, 'float8'::regtype) THEN 'raw'"
                    + " WHEN a.atttypid IN ('int2'::regtype, 'int4'::regtype, 'int8'::regtype, 'numeric'::regtype,"
                    + " 'date'::regtype, 'timestamp'::regtype, 'timestamptz'::regtype) THEN 'az64'"
                    + " WHEN a.atttypid IN ('bpchar'::regtype, 'varchar'::regtype) THEN 'lzo'"
                    + " END)::varchar(128) AS encoding,"
                    + " coalesce(l.distkey, false) AS distkey, coalesce(l.sortkey_position, 0) AS sortkey,"
                    + " a.attacl::text::varchar(128) AS column_acl,"
                    + " col_description(c.oid, a.attnum)::varchar(256) AS remarks"
                    + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid"
                    + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                    + " LEFT JOIN b2r_emulator.column_layout l ON l.table_oid = a.attrelid AND l.column_name = a.attname"
                    + " WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f')"
                    + " AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'b2r_emulator')"
                    + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'"
                    + " AND has_any_column_privilege(c.oid, 'SELECT, INSERT, UPDATE, REFERENCES')";

    static String varbyteDomain(int length) {
        return "DO $$ BEGIN CREATE DOMAIN b2r_emulator.varbyte_"
                + length
                + " AS bytea CHECK"
                + " (octet_length(VALUE) <= "
                + length
                + "); EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$";
    }
}
