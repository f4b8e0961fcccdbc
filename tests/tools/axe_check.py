"""Checks HTML pages with axe-core in a real browser (Debian's chromium, driven by
Playwright): every WCAG 2.0/2.1 level A and AA rule axe can test, on each page as a reader's
browser lays it out. Prints one JSON object: checked pages, axe's version, and the violations
per page; exits 1 when there is any.

Usage: python3 axe_check.py PAGE.html...  (CHROMIUM: the browser, /usr/bin/chromium)
"""

import json
import os
import pathlib
import sys

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def main(pages):
    axe = Axe()
    report = {"checked": [], "violations": {}, "axe": None}
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
            args=["--no-sandbox"],
        )
        page = browser.new_page()
        for path in pages:
            page.goto(pathlib.Path(path).resolve().as_uri())
            results = axe.run(
                page,
                options={"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]},
            ).response
            report["axe"] = results.get("testEngine", {}).get("version")
            report["checked"].append(path)
            found = [
                {
                    "rule": v["id"],
                    "impact": v.get("impact"),
                    "help": v["help"],
                    "nodes": [n["html"][:200] for n in v["nodes"][:5]],
                }
                for v in results["violations"]
            ]
            if found:
                report["violations"][path] = found
        browser.close()
    print(json.dumps(report, ensure_ascii=False, indent=1))
    return 1 if report["violations"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
