-- The cleaning rules the staging queries share, as DuckDB macros (read once per staging connection).

-- Python's str.strip() removes every Unicode space (a no-break space pasted from a web page, an
-- ideographic space); SQL's trim() only the plain one: these are the characters str.isspace() knows.
-- Trimming by a set of characters is slow, so only the few cells that start or end with one are.
create or replace temp macro py_strip(x) as
    case
        when regexp_matches(x, '^[\t\n\x0b\x0c\r\x1c-\x20\x85\xa0\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]|[\t\n\x0b\x0c\r\x1c-\x20\x85\xa0\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]$')
            then trim(
                x,
                chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(28) || chr(29) || chr(30) || chr(31)
                || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194)
                || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201)
                || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288)
            )
        else x
    end;

-- A cell that says nothing: empty, or the word a tool writes for nothing.
-- (Of a stripped cell.)
create or replace temp macro blank_to_na(x) as case when x in ('', 'None', 'nan', 'null') then null else x end;

-- A moment (UTC) from ISO text (`2025-05-25T07:14:25+07:00`, `2025-05-25 00:14:25`, `2025-05-25`) or
-- Unix seconds / milliseconds; NULL for any other form (Python reads those, per distinct value).
-- The usual shapes first, by a cheap pattern (a regular expression costs more than the cast itself);
-- hour 24 is not a time Python reads, so neither do we. An offset needs the slower time-zone cast.
create or replace temp macro sql_time(t) as
    case
        when (
            t like '____-__-__T__:__:__.___Z'
            or t like '____-__-__T__:__:__Z'
            or t like '____-__-__ __:__:__'
            or t like '____-__-__T__:__:__'
        ) then case when substr(t, 12, 2) < '24' then try_cast(t as timestamp) end
        when t like '____-__-__' then try_cast(t as timestamp)
        when regexp_full_match(
            t, '\d{4}-\d{2}-\d{2}([T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?)?(Z|[+-]\d{2}:\d{2})?'
        ) then try_cast(t as timestamptz)::timestamp
        when regexp_full_match(t, '\d{9,13}') then
            case
                when t::bigint > 100000000000 then epoch_ms(t::bigint)
                else epoch_ms(t::bigint * 1000)
            end
    end;

-- A count written as plain digits (exact up to 15 of them); NULL for any other form (`1.2K`, `1 234`).
create or replace temp macro sql_count(x) as case when regexp_full_match(x, '\d{1,15}') then x::bigint end;
