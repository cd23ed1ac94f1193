#!/usr/bin/python3
"""Takes the code blocks out of docs/plugin-guide.md, for scripts/test-sdk.

  guide_blocks.py GUIDE.md OUT_DIR

A block whose info string says file=PATH (```cpp file=kdx-tsv/src/tsv_writer.cpp)
is written to OUT_DIR/PATH as it stands. Each ```cpp block marked fragment
becomes the body of a function in OUT_DIR/fragments.cpp, which has `info`,
`output`, `options` and `text` to use. A ```cpp block marked neither is an
error: every C++ block of the guide is compiled. Prints what it wrote; exits 1
with one line per problem.
"""
import pathlib
import re
import sys

FENCE = re.compile(r"^```([^\n]*)\n(.*?)^```[ \t]*$", re.S | re.M)


def main(guide, out_dir):
    text = pathlib.Path(guide).read_text(encoding="utf-8")
    out = pathlib.Path(out_dir)
    problems, files, fragments = [], [], []
    for match in FENCE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        words = match.group(1).split()
        language = words[0] if words else ""
        marks = dict(w.split("=", 1) if "=" in w else (w, "") for w in words[1:])
        body = match.group(2)
        if "file" in marks:
            path = out / marks["file"]
            if not marks["file"] or not path.resolve().is_relative_to(out.resolve()):
                problems.append(f"{guide}:{line}: file={marks['file']} is not a path under the example")
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(body, encoding="utf-8")
            files.append(marks["file"])
        elif language == "cpp":
            if "fragment" not in marks:
                problems.append(f"{guide}:{line}: a ```cpp block marked neither file=PATH nor "
                                "fragment; mark it so that it is compiled")
                continue
            fragments.append((line, body))
    source = ["// The C++ fragments of docs/plugin-guide.md, each in a function of its own.",
              "#include <kdx/kdx.hpp>", ""]
    for line, body in fragments:
        source += [f"// docs/plugin-guide.md line {line}",
                   f"void fragment_at_line_{line}(const kdx::FormatInfo& info,",
                   "                              const std::filesystem::path& output,",
                   "                              const kdx::Options& options, const std::string& text) {",
                   "    (void)info, (void)output, (void)options, (void)text;",
                   f"#line {line + 1} \"docs/plugin-guide.md\"",
                   body.rstrip("\n"), "}", ""]
    out.mkdir(parents=True, exist_ok=True)
    (out / "fragments.cpp").write_text("\n".join(source), encoding="utf-8")
    for p in problems:
        print(p, file=sys.stderr)
    print(f"from {guide}: {len(files)} files ({', '.join(files)}), {len(fragments)} C++ fragments")
    return 1 if problems or not files else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
