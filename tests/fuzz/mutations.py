"""Seeded hostile and broken uploads, rebuilt from (seed, index) alone so a failure can be replayed.

`case(seed, index)` gives one input: which kind of damage, a file name and the bytes. The
kinds are those of issue 14: byte flips, truncation, encoding and separator swaps, repeated
and missing headers, huge cells, many columns, numbers x1000 and 1e308, dates of year 1 or
31 February or far in the future, empty and BOM-only files, nested ZIPs, ZIP bombs (real and
lying about their size), XLSX shared-string and inline-string bombs, cells far out in a sheet,
deep and wide JSON, hostile text. Bases: the genuine exports in ../shared/real_exports (when
present) and files planted here.
"""

from __future__ import annotations

import codecs
import functools
import io
import json
import random
import re
import struct
import zipfile
import zlib
from pathlib import Path

REAL_EXPORTS = Path(__file__).resolve().parents[3] / "shared" / "real_exports"

OVERVIEW = '"Date","Video Views","Profile Views","Likes","Comments","Shares"\n' + "".join(
    f'"March {day}","{day * 37}","{day}","{day * 3}","{day % 4}","{day % 2}"\n' for day in range(1, 29)
)
FOLLOWERS = '"Date","Followers","Difference in followers from previous day"\n' + "".join(
    f'"March {day}","{1000 + day}","1"\n' for day in range(1, 29)
)
CONTENT = (
    '"Time","Video title","Video link","Post time","Total likes","Total comments","Total shares","Total views"\n'
    + "".join(
        f'"March 28","Recipe #{n} #fyp, quick","https://www.tiktok.com/@brand/video/75{n:017d}",'
        f'"March {n + 1}","{n * 10}","{n}","{n % 3}","{n * 400}"\n'
        for n in range(1, 12)
    )
)
COMMENTS = "cid,createTimeISO,diggCount,text,uniqueId,videoWebUrl,repliesToId\n" + "".join(
    f"75081699696126205{n:02d},2025-05-{n % 28 + 1:02d}T00:14:25.000Z,{n},"
    f'"comment {n}, great\nvideo",fan{n % 7},https://www.tiktok.com/@brand/video/7507890376124992786,\n'
    for n in range(30)
)
LIVES = "start_time,duration_minutes,viewers,peak_viewers,title\n" + "".join(
    f"2026-0{m}-1{m} 20:00,45,{m * 100},{m * 20},Live {m}\n" for m in range(1, 8)
)
JSON_COMMENTS = json.dumps(
    [
        {"cid": f"75{n:017d}", "text": f"hi {n}", "createTime": 1748132065 + n, "uniqueId": f"u{n % 5}",
         "diggCount": n, "videoWebUrl": "https://www.tiktok.com/@brand/video/7507890376124992786"}
        for n in range(20)
    ]
)  # fmt: skip


def _xlsx(rows: list[list[str]], *, inline: bool = False, dimension: str | None = None) -> bytes:
    """A minimal workbook written by hand, so that every part of it can be made hostile."""
    strings: list[str] = []
    cells = []
    for r, row in enumerate(rows, start=1):
        parts = []
        for c, value in enumerate(row):
            ref = f"{_letters(c + 1)}{r}"
            if inline:
                parts.append(f'<c r="{ref}" t="inlineStr"><is><t>{_xml(value)}</t></is></c>')
            else:
                strings.append(value)
                parts.append(f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>')
        cells.append(f'<row r="{r}">{"".join(parts)}</row>')
    last = f"{_letters(max(len(row) for row in rows))}{len(rows)}"
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<dimension ref="{dimension or "A1:" + last}"/><sheetData>{"".join(cells)}</sheetData></worksheet>'
    )
    shared = (
        '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + "".join(f"<si><t>{_xml(value)}</t></si>" for value in strings)
        + "</sst>"
    )
    return workbook(sheet.encode(), shared.encode())


def workbook(sheet: bytes, shared: bytes | None) -> bytes:
    """A one-sheet .xlsx from its sheet XML and shared strings XML, as given."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        "</Types>",
        "_rels/.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" xmlns:r="{rel}">'
        '<sheets><sheet name="Overview" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, text in parts.items():
            archive.writestr(member, text)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        if shared is not None:
            archive.writestr("xl/sharedStrings.xml", shared)
    return buffer.getvalue()


def _letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    return buffer.getvalue()


def planted() -> dict[str, bytes]:
    overview_rows = [line.replace('"', "").split(",") for line in OVERVIEW.strip().split("\n")]
    return {
        "Overview.csv": codecs.BOM_UTF8 + OVERVIEW.encode(),
        "FollowerHistory.csv": codecs.BOM_UTF8 + FOLLOWERS.encode(),
        "Content.csv": codecs.BOM_UTF8 + CONTENT.encode(),
        "comments.csv": COMMENTS.encode(),
        "lives.csv": LIVES.encode(),
        "dataset_comments.json": JSON_COMMENTS.encode(),
        "Overview.xlsx": _xlsx(overview_rows),
        "Overview_2026-02-10_1773506459_brand.zip": _zip(
            {"Overview_brand/Overview.csv": OVERVIEW.encode(), "Overview_brand/Content.csv": CONTENT.encode()}
        ),
    }


@functools.cache
def bases() -> tuple[tuple[str, bytes], ...]:
    found = dict(planted())
    if REAL_EXPORTS.is_dir():
        for path in sorted(REAL_EXPORTS.rglob("*")):
            if path.is_file() and path.suffix != ".md":
                found[str(path.relative_to(REAL_EXPORTS))] = path.read_bytes()
    return tuple(found.items())


# Mutations: each takes (rng, name, data) and gives (name, data) ----------------------------------------------


def _text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def byte_flips(rng, name, data):
    damaged = bytearray(data or b"x")
    for _ in range(rng.randint(1, 12)):
        damaged[rng.randrange(len(damaged))] = rng.randrange(256)
    return name, bytes(damaged)


def truncation(rng, name, data):
    return name, data[: rng.randint(0, max(len(data) - 1, 0))]


def encoding_swap(rng, name, data):
    encoding = rng.choice(["utf-16", "utf-16-le", "utf-16-be", "cp1252", "utf-8-sig", "latin-1", "utf-32"])
    return name, _text(data).encode(encoding, errors="replace")


def separator_swap(rng, name, data):
    separator = rng.choice([";", "\t", "|", " ", ",,", ""])
    return name, _text(data).replace(",", separator).encode()


def header_damage(rng, name, data):
    lines = _text(data).split("\n")
    choice = rng.randrange(4)
    if choice == 0:
        lines = lines[1:]  # header missing
    elif choice == 1:
        cells = lines[0].split(",")
        cells[rng.randrange(len(cells))] = cells[0]  # a repeated header
        lines[0] = ",".join(cells)
    elif choice == 2:
        lines.insert(0, lines[0])  # the header twice
    else:
        lines[0] = ",".join(lines[0].split(",")[:-1])  # a header shorter than its rows
    return name, "\n".join(lines).encode()


def huge_cell(rng, name, data):
    text = _text(data)
    size = rng.choice([40_000, 200_000, 1_000_000, 5_000_000])
    cell = rng.choice(["a", "é", "😀", "ab,", '"']) * (size // 3)
    where = rng.randrange(len(text) + 1)
    return name, (text[:where] + cell + text[where:]).encode()


def many_columns(rng, name, data):
    text = _text(data)
    count = rng.choice([1_500, 20_000, 200_000, 1_000_000])
    lines = text.split("\n")
    row = rng.randrange(min(len(lines), 3))
    lines[row] = lines[row] + rng.choice([",", ";", "\t", ',""']) * count
    return name, "\n".join(lines).encode()


def big_numbers(rng, name, data):
    text = _text(data)
    how = rng.choice(["x1000", "1e308", "19 digits", "-1e18", "inf"])

    def replace(match: re.Match) -> str:
        if rng.random() < 0.5:
            return match.group()
        if how == "x1000":
            return match.group() + "000"
        return {"1e308": "1e308", "19 digits": "9223372036854775807", "-1e18": "-1000000000000000000"}.get(
            how, "inf"
        )

    return name, re.sub(r"(?<![\d@/])\d{1,6}(?![\d-])", replace, text).encode()


def bad_dates(rng, name, data):
    text = _text(data)
    bad = rng.choice(["0001-01-01", "9999-12-31", "2099-06-01", "31 February", "February 31", "2015-12-31",
                      "01/01/0001", "0", "-62135596800", "253402300799", "1.7e308"])  # fmt: skip
    pattern = r"(March \d+|\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?|[A-Z][a-z]+ \d{1,2}|\b1[67]\d{8}\b)"
    every = rng.random() < 0.5
    return name, re.sub(pattern, lambda m: bad if every or rng.random() < 0.3 else m.group(), text).encode()


def empty(rng, name, data):
    return name, rng.choice(
        [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, b"\n\n", b"\x00", b"\xef\xbb\xbf\r\n"]
    )


def nul_bytes(rng, name, data):
    damaged = bytearray(data)
    for _ in range(rng.randint(1, 3)):
        damaged.insert(rng.randrange(min(len(damaged), 200) + 1), 0)
    return name, bytes(damaged)


def nested_zip(rng, name, data):
    depth = rng.randint(1, 7)
    for level in range(depth):
        data = _zip(
            {f"level{level}/{Path(name).name}": data} | ({"copy.zip": data} if rng.random() < 0.3 else {})
        )
        name = f"export_{level}.zip"
    return name, data


@functools.cache
def _zeros_member(size: int) -> tuple[bytes, int]:
    """Deflated zeros: a real bomb's member, made once per size."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = b"\x00" * (1 << 20)
    packed = b"".join(compressor.compress(chunk) for _ in range(size >> 20)) + compressor.flush()
    return packed, zlib.crc32(b"\x00" * size) if size <= 1 << 26 else 0


def _raw_zip(members: list[tuple[str, bytes, int, int]]) -> bytes:
    """A ZIP from already deflated members (name, packed, size, crc), sizes as claimed."""
    body, directory = b"", b""
    for member, packed, size, crc in members:
        encoded = member.encode()
        header = struct.pack(
            "<4s5H3I2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(packed), size, len(encoded), 0
        )
        directory += struct.pack(
            "<4s6H3I5H2I", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc, len(packed), size, len(encoded), 0, 0, 0, 0, 0,
            len(body),
        ) + encoded  # fmt: skip
        body += header + encoded + packed
    end = struct.pack(
        "<4s4H2IH", b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), len(body), 0
    )
    return body + directory + end


def zip_bomb(rng, name, data):
    kind = rng.randrange(4)
    if kind == 0:  # a real bomb: zeros that unpack to 64-512 MB
        size = rng.choice([64, 256, 512]) << 20
        packed, crc = _zeros_member(size)
        return "bomb.zip", _raw_zip([("Overview.csv", packed, size, crc)])
    if kind == 1:  # a table of contents that claims 1.9 GB for a small member
        packed = zlib.compress(data, 9)[2:-4]
        return "claims.zip", _raw_zip([("Overview.csv", packed, 1_900_000_000, zlib.crc32(data))])
    if kind == 2:  # many 10 MB members
        packed, crc = _zeros_member(10 << 20)
        count = rng.choice([60, 300])
        return "many.zip", _raw_zip([(f"part{i}.csv", packed, 10 << 20, crc) for i in range(count)])
    # a ZIP of ZIPs, each level under any one limit
    packed, crc = _zeros_member(64 << 20)
    inner = _raw_zip([(f"part{i}.csv", packed, 64 << 20, crc) for i in range(6)])
    return "nested_bomb.zip", _zip({f"copy{i}.zip": inner for i in range(6)})


def shared_string_bomb(rng, name, data):
    size = rng.choice([1_000_000, 20_000_000, 100_000_000])
    cells = rng.choice([1, 50, 2_000])
    strings = f"<si><t>{'a' * size}</t></si>"
    row = "".join(f'<c r="{_letters(i % 10 + 1)}{i // 10 + 1}" t="s"><v>0</v></c>' for i in range(cells))
    sheet = f'<worksheet><dimension ref="A1:J{cells // 10 + 1}"/><sheetData><row r="1">{row}</row></sheetData></worksheet>'
    return "strings.xlsx", workbook(sheet.encode(), f"<sst>{strings}</sst>".encode())


def inline_string_bomb(rng, name, data):
    size = rng.choice([100_000, 5_000_000, 60_000_000])
    cells = rng.choice([1, 20, 200])
    row = "".join(
        f'<c r="A{i + 1}" t="inlineStr"><is><t>{"b" * (size // cells)}</t></is></c>' for i in range(cells)
    )
    sheet = f"<worksheet><sheetData><row>{row}</row></sheetData></worksheet>"
    return "inline.xlsx", workbook(sheet.encode(), None)


def far_cell(rng, name, data):
    ref = rng.choice(["XFD1048576", "XFD1", "A1048576", "ZZ5000", "ALL200", "AAA70000", "Z30"])
    dimension = rng.choice([None, "A1:XFD1048576", "A1:B2", f"A1:{ref}"])
    rows = [["Date", "Video Views", "Likes"], ["March 1", "1", "2"]]
    book = _xlsx(rows, dimension=dimension)
    with zipfile.ZipFile(io.BytesIO(book)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
        shared = archive.read("xl/sharedStrings.xml")
    sheet = sheet.replace(
        "</sheetData>", f'<row r="{re.sub(r"[A-Z]", "", ref)}"><c r="{ref}"><v>1</v></c></row></sheetData>'
    )
    if rng.random() < 0.3:  # cells without addresses, many in one row
        sheet = sheet.replace(
            "</sheetData>", "<row>" + "<c><v>1</v></c>" * rng.choice([500, 20_000]) + "</row></sheetData>"
        )
    return "far.xlsx", workbook(sheet.encode(), shared)


def deep_json(rng, name, data):
    depth = rng.choice([50, 100, 1_000, 100_000])
    opener, closer = rng.choice([("[", "]"), ('{"a":', "}"), ('[{"replies":', "}]")])
    return "deep.json", (opener * depth + "1" + closer * depth).encode()


def wide_json(rng, name, data):
    keys = rng.choice([500, 5_000, 100_000])
    records = rng.choice([1, 3])
    item = "{" + ",".join(f'"k{i}":{i}' for i in range(keys)) + "}"
    return "wide.json", ("[" + ",".join([item] * records) + "]").encode()


HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "**b**",
           '=HYPERLINK("http://x","Open")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "a\r=1", "\u202eevil",
           "\x1b[31m", "\x07\x08", "🎉" * 500, "%s%n%x", "' OR 1=1 --", "${jndi:ldap://x}", "\ud800"]  # fmt: skip


def hostile_text(rng, name, data):
    text = _text(data)
    cells = text.split('"')
    for _ in range(rng.randint(1, 6)):
        index = rng.randrange(len(cells))
        cells[index] = rng.choice(HOSTILE) + cells[index]
    return name, '"'.join(cells).encode("utf-8", errors="surrogatepass")


def wrong_name(rng, name, data):
    return rng.choice(
        ["photo.png", "Overview.xlsx", "x.json", "noext", "a" * 300 + ".csv", "../../etc/passwd"]
    ), data


MUTATIONS = {
    "byte flips": byte_flips,
    "truncation": truncation,
    "encoding swap": encoding_swap,
    "separator swap": separator_swap,
    "header damage": header_damage,
    "huge cell": huge_cell,
    "many columns": many_columns,
    "numbers x1000 / 1e308": big_numbers,
    "bad dates": bad_dates,
    "empty / BOM only": empty,
    "NUL bytes": nul_bytes,
    "nested ZIPs": nested_zip,
    "ZIP bomb": zip_bomb,
    "shared-string bomb": shared_string_bomb,
    "inline-string bomb": inline_string_bomb,
    "far cell": far_cell,
    "deep JSON": deep_json,
    "wide JSON": wide_json,
    "hostile text": hostile_text,
    "renamed": wrong_name,
}
# The costly kinds (hundreds of MB built in memory) come up less often.
WEIGHTS = {
    "ZIP bomb": 0.3,
    "shared-string bomb": 0.3,
    "inline-string bomb": 0.3,
    "huge cell": 0.5,
    "many columns": 0.6,
}


def case(seed: int, index: int) -> tuple[str, str, bytes]:
    """(kind of damage, file name, bytes) of input number `index` of a run seeded with `seed`."""
    rng = random.Random(f"{seed}:{index}")
    kinds = list(MUTATIONS)
    kind = rng.choices(kinds, weights=[WEIGHTS.get(kind, 1.0) for kind in kinds])[0]
    name, data = rng.choice(bases())
    name, data = MUTATIONS[kind](rng, Path(name).name, data)
    if rng.random() < 0.15:  # a second, milder damage on top
        name, data = rng.choice([byte_flips, truncation, big_numbers, bad_dates, hostile_text])(
            rng, name, data
        )
    return kind, name, data
