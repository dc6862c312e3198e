#!/usr/bin/env python3
"""Greps Sources for two mistakes that tests rarely catch (issue 9, part 5).

1. SQL built from values by string interpolation or concatenation: a GRDB `sql:` argument
   (`execute(sql:)`, `fetchOne(db, sql:)`, `makeStatement(sql:)`, `SQLRequest(sql:)`, …) or a
   postgres-nio `PostgresQuery(unsafeSQL:)` whose string literal interpolates `\\(…)` or is
   followed by `+`, and postgres-nio's `\\(unescaped: …)`. Values go in as arguments (`?`, `$1`)
   or through GRDB's `literal:` and postgres-nio's plain `\\(value)`, both of which bind. A
   constant fragment that must be interpolated is listed in ALLOWED with its reason.
2. A secret written out: `print`, `debugPrint`, `dump`, `NSLog`, `FileHandle.standard….write`
   and `logger.<level>(…)` calls whose code (not their string text) names a token, password,
   secret or credential.

    python3 scripts/deploy/check_security.py [SOURCES_DIR]

Prints `file:line: rule: code` for each finding and exits 1 when there is any.
"""

import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent

# (file name, interpolated expression): constant SQL fragments, each with why it is safe.
ALLOWED = {
    # fetchMapping(where:) is private; its two callers pass constant WHERE clauses with `?`
    # placeholders, and the values travel in `arguments`.
    ("SQLiteStore.swift", "condition"),
    # A schema name is an identifier, which PostgreSQL takes in no bind; PostgresStoreURL admits only
    # plain lower-case names ([a-z_][a-z0-9_]*), and the statement quotes it.
    ("PostgresSchema.swift", "schema"),
}

SECRET = re.compile(r"token|password|passwd|secret|credential", re.IGNORECASE)
SQL_ARGUMENT = re.compile(r"\b(sql|unsafeSQL)\s*:\s*")
OUTPUT_CALL = re.compile(
    r"(?<![\w.])(print|debugPrint|dump|NSLog)\s*\(|FileHandle\.standard(?:Output|Error)\.write\s*\("
    r"|\blogger\.(?:trace|debug|info|notice|warning|error|critical|log)\s*\("
)


def string_literal(text: str, start: int) -> tuple[int, list[tuple[int, str]]]:
    """Reads the Swift string literal at `start` (`"…"` or `\"\"\"…\"\"\"`, raw `#"…"#` too).

    Returns the index after it and its interpolations as (offset, expression)."""
    hashes = 0
    while text[start + hashes] == "#":
        hashes += 1
    position = start + hashes
    delimiter = '"""' if text.startswith('"""', position) else '"'
    position += len(delimiter)
    closing = delimiter + "#" * hashes
    escape = "\\" + "#" * hashes
    interpolations = []
    while position < len(text):
        if text.startswith(closing, position):
            return position + len(closing), interpolations
        if text.startswith(escape + "(", position):
            open_at = position + len(escape)
            end = matching_paren(text, open_at)
            interpolations.append((position, text[open_at + 1 : end]))
            position = end + 1
            continue
        if text.startswith(escape, position):
            position += len(escape) + 1
            continue
        position += 1
    return position, interpolations


def matching_paren(text: str, open_at: int) -> int:
    """The index of the `)` that closes the `(` at `open_at`, skipping string literals."""
    depth = 0
    position = open_at
    while position < len(text):
        character = text[position]
        if character == '"' or (character == "#" and text.startswith('#"', position)):
            position, _ = string_literal(text, position)
            continue
        if character == "(":
            depth += 1
        elif character == ")":
            depth -= 1
            if depth == 0:
                return position
        position += 1
    return len(text) - 1


def code_only(text: str) -> str:
    """`text` with the contents of string literals removed, their interpolations kept."""
    result = []
    position = 0
    while position < len(text):
        if text[position] == '"' or text.startswith('#"', position):
            end, interpolations = string_literal(text, position)
            result.append('"' + " ".join(f"\\({expression})" for _, expression in interpolations) + '"')
            position = end
            continue
        result.append(text[position])
        position += 1
    return "".join(result)


def without_comments(text: str) -> str:
    """Blanks `//` line comments outside string literals, keeping offsets (for line numbers)."""
    lines = []
    for line in text.split("\n"):
        quoted = False
        for index, character in enumerate(line):
            if character == '"':
                quoted = not quoted
            elif not quoted and line.startswith("//", index):
                line = line[:index] + " " * (len(line) - index)
                break
        lines.append(line)
    return "\n".join(lines)


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def check_file(path: pathlib.Path, findings: list[str]) -> None:
    text = without_comments(path.read_text())
    for match in SQL_ARGUMENT.finditer(text):
        position = match.end()
        label = match.group(1)
        if text[position] not in '"#':
            continue
        end, interpolations = string_literal(text, position)
        for offset, expression in interpolations:
            if (path.name, expression.strip()) not in ALLOWED:
                findings.append(
                    f"{path}:{line_of(text, offset)}: SQL built by interpolation in {label}: "
                    f"\\({expression.strip()}) (pass it as an argument)"
                )
        if re.match(r"\s*\+", text[end:]):
            findings.append(f"{path}:{line_of(text, end)}: SQL built by concatenation in {label}: (pass values as arguments)")
    for match in re.finditer(r"\\\(\s*unescaped\s*:", text):
        findings.append(f"{path}:{line_of(text, match.start())}: SQL built by \\(unescaped:) (bind the value)")
    for match in OUTPUT_CALL.finditer(text):
        open_at = match.end() - 1
        call = text[match.start() : matching_paren(text, open_at) + 1]
        code = code_only(call)
        # Identifiers only; a redacting one (`SecretRedaction.redact(url:)`) is what should be there.
        names = [
            name for name in re.findall(r"[A-Za-z_]\w*", code) if SECRET.search(name) and "redact" not in name.lower()
        ]
        if names:
            findings.append(
                f"{path}:{line_of(text, match.start())}: a secret ({names[0]}) written out: "
                + " ".join(call.split())[:160]
            )


def main() -> int:
    sources = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "Sources"
    findings: list[str] = []
    files = sorted(sources.rglob("*.swift"))
    for path in files:
        check_file(path, findings)
    for finding in findings:
        print(finding)
    print(f"check-security: {len(files)} Swift files, {len(findings)} findings")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
