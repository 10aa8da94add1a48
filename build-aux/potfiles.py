"""The translatable files and the one xgettext command used for them."""
import os
import re
import subprocess

# g_dngettext () and g_dgettext () take the domain first
PATTERN = re.compile(r'\b(?:N?C?_\s*\(|(?:g_dngettext|g_dgettext)\s*\([^,()]*,)\s*"|translatable="yes"')


def read_list(top):
    with open(os.path.join(top, "po", "POTFILES.in"), encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]


def find_translatable(top):
    found = []
    for root in ("src", "data"):
        for dirpath, _, names in os.walk(os.path.join(top, root)):
            for name in sorted(names):
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, top)
                if name.endswith((".desktop.in", ".metainfo.xml.in", ".gschema.xml")):
                    found.append(rel)
                elif name.endswith((".c", ".ui")):
                    with open(path, encoding="utf-8") as f:
                        if PATTERN.search(f.read()):
                            found.append(rel)
    return sorted(found)


def write_list(top):
    with open(os.path.join(top, "po", "POTFILES.in"), "w", encoding="utf-8") as f:
        f.write("# Files with translatable strings (written by build-aux/update-po.sh)\n")
        f.write("\n".join(find_translatable(top)) + "\n")


def extract(top, pot):
    files = read_list(top)
    return subprocess.run(
        ["xgettext", "--from-code=UTF-8", "--add-comments=Translators",
         "--package-name=community-desk", "--msgid-bugs-address=https://example.org/community-desk/issues",
         "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
         "--keyword=g_dngettext:2,3", "--keyword=g_dgettext:2",
         "--flag=g_strdup_printf:1:c-format", "--flag=g_set_error:4:c-format",
         "--flag=g_prefix_error:2:c-format", "--flag=g_printerr:1:c-format",
         "--flag=g_print:1:c-format",
         "-o", pot, *files],
        cwd=top, capture_output=True, text=True)
