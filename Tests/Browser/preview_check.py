"""`tiendo serve` in a real browser: an open page shows a data edit by itself within two seconds, a broken
site.yaml appears in the page with its position, and the page recovers when the file is fixed."""
import os
import re
import shutil
import subprocess
import tempfile
import time

from selenium.webdriver.common.by import By


def _wait(condition, seconds):
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        try:
            if condition():
                return time.monotonic() - start
        except Exception:  # the page may be reloading
            pass
        time.sleep(0.05)
    return None


def _replace(path, old, new):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    assert old in text, f"{old!r} not in {path}"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text.replace(old, new, 1))


def check_preview(driver, results, tiendo, repository, screenshots, set_width):
    root = tempfile.mkdtemp(prefix="tiendo-preview-")
    server = None
    try:
        for folder in ("Content", "Templates"):
            shutil.copytree(os.path.join(repository, folder), os.path.join(root, folder))
        server = subprocess.Popen([tiendo, "serve", "--port", "0", "--root", root], stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL, text=True)
        base = None
        deadline = time.monotonic() + 30
        while base is None and time.monotonic() < deadline:
            line = server.stdout.readline()
            match = re.search(r"http://127\.0\.0\.1:\d+/", line)
            base = match.group(0) if match else None
        results.check(base is not None, "preview: tiendo serve prints its address")
        if base is None:
            return
        set_width(driver, 1280)
        driver.get(base + "chi-tieu/tv-07/")
        number = lambda: driver.find_element(By.CSS_SELECTOR, ".headline__number").text
        results.check(number() == "585.040 lượt", "preview: page served", number())
        driver.execute_script("window.tiendoBeforeEdit = true;")
        time.sleep(0.3)  # let the page's reload socket connect

        _replace(os.path.join(root, "Content/data/hoat-dong.csv"), "2024,TVH-01,có,", "2024,TVH-01,có,9")
        shown = _wait(lambda: number() == "1.485.040 lượt", 5)
        reloaded = driver.execute_script("return window.tiendoBeforeEdit === undefined;")
        results.check(shown is not None and shown <= 2.0 and reloaded,
                      "preview: an open page shows a data edit by itself within 2 s", f"{shown} s")

        site_yaml = os.path.join(root, "Content/site.yaml")
        with open(site_yaml, encoding="utf-8") as handle:
            good = handle.read()
        _replace(site_yaml, "\ntitle: ", "\ntitle: [")
        box = lambda: driver.find_element(By.ID, "tiendo-loi").text
        shown = _wait(lambda: re.search(r"Content/site\.yaml:\d+:\d+: error:", box()), 5)
        results.check(shown is not None, "preview: a broken site.yaml is shown in the page as site.yaml:LINE:COL")
        results.check(number() == "1.485.040 lượt", "preview: the last good site stays served")
        set_width(driver, 360)
        os.makedirs(screenshots, exist_ok=True)
        driver.save_screenshot(os.path.join(screenshots, "preview-error-360.png"))

        with open(site_yaml, "w", encoding="utf-8") as handle:
            handle.write(good)
        recovered = _wait(lambda: not driver.find_elements(By.ID, "tiendo-loi"), 5)
        results.check(recovered is not None, "preview: the page recovers when site.yaml is fixed")
        results.check(not os.path.exists(os.path.join(root, "Output")), "preview: nothing written to Output/")
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        shutil.rmtree(root, ignore_errors=True)
